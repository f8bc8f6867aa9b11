namespace Payments.ProviderSimulator.Payments;

/// <summary>A test PaymentMethod; a null <paramref name="DeclineCode"/> means it succeeds.</summary>
internal sealed record TestCard(string Id, string Brand, string Last4, string? DeclineCode, string DeclineMessage);
