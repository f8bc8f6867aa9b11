namespace Payments.Testing.Smtp.Mailpit;

/// <summary>An address as Mailpit's API reports it.</summary>
internal sealed record MailpitAddress(string? Name, string Address);
