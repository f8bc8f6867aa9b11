namespace Payments.Notifications.Templates;

/// <summary>A rendered email: the plain-text part and the HTML alternative say the same thing.</summary>
public sealed record EmailContent(string Subject, string Text, string Html);
