namespace Payments.Ingress.Webhooks;

/// <summary>The 200 body for a verified event we do not act on.</summary>
public sealed record WebhookIgnored(string EventType, string Reason);
