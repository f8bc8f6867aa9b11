namespace Payments.Ingress.Webhooks.Schemes;

/// <summary>
/// A webhook whose signature checked out. <paramref name="Payload"/> is the JSON document to normalize
/// (the body itself, or LiqPay's base64-decoded data field); <paramref name="DeliveryId"/> is the
/// sender's message id when the scheme signs one (Standard Webhooks' webhook-id), else null.
/// </summary>
internal sealed record VerifiedWebhook(ReadOnlyMemory<byte> Payload, string? DeliveryId);
