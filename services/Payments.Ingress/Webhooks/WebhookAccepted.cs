namespace Payments.Ingress.Webhooks;

/// <summary>The 202 body: the id consumers will deduplicate on, handy when tracing a delivery.</summary>
public sealed record WebhookAccepted(Guid EventId);
