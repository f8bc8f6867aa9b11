namespace Payments.Operations.Now;

/// <summary>Webhooks the ingress refused for one source and reason (the `reason` of its problem answers).</summary>
public sealed record WebhookRejections(string Source, string Reason, long Count);
