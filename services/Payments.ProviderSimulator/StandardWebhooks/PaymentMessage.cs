namespace Payments.ProviderSimulator.StandardWebhooks;

/// <summary>
/// The body Standard Webhooks receivers get, in the spec's recommended {type, timestamp, data} layout
/// (https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md#payload-structure):
/// type payment.succeeded | payment.failed | payment.refunded, timestamp RFC 3339 (when it happened). For a refund,
/// amount is the total refunded so far, as Stripe's charge.amount_refunded.
/// </summary>
internal sealed record PaymentMessage(string Type, string Timestamp, PaymentMessageData Data);
