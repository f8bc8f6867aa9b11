using Payments.Messaging;
using Payments.Contracts;

namespace Payments.Ingress.Webhooks.Schemes.Common;

/// <summary>
/// Our own body schema, used by senders that sign with Standard Webhooks or GitHub-style HMAC. It follows the
/// Standard Webhooks payload recommendation of type/timestamp/data
/// (https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md#payload-structure):
/// <code>
/// {
///   "type": "payment.succeeded" | "payment.failed" | "payment.refunded",
///   "timestamp": "2024-05-01T12:00:00Z",   // RFC 3339 with an offset: when the payment event happened
///   "data": {
///     "payment_id": "pay_123",             // the sender's payment id, required
///     "order_id": "ord_42",                // our order id, optional
///     "amount": 1234,                      // integer, minor units (cents), zero or more
///     "currency": "USD"                    // ISO 4217 code
///   }
/// }
/// </code>
/// Any other type is acknowledged and ignored, so a sender can add event types without breaking us. The event id
/// is the delivery id header, which the sender keeps the same when it retries.
/// </summary>
internal static class GenericPaymentEventNormalizer
{
    private const string Detail = "The payment event lacks a field we need or has an invalid value.";

    public static NormalizationResult Normalize(VerifiedWebhook webhook, string provider, WebhookSource source, DateTimeOffset receivedAt)
    {
        if (!JsonPayload.TryParse(webhook.Payload, Detail, out var document, out var malformed))
        {
            return malformed;
        }

        using (document)
        {
            var errors = new FieldErrors();
            var body = JsonFieldReader.Root(document.RootElement, errors);
            var type = body.String("type");
            if (type is null)
            {
                return errors.ToMalformed(Detail);
            }

            PaymentEventKind? kind = type switch
            {
                "payment.succeeded" => PaymentEventKind.Succeeded,
                "payment.failed" => PaymentEventKind.Failed,
                "payment.refunded" => PaymentEventKind.Refunded,
                _ => null,
            };
            if (kind is null)
            {
                return new NormalizationResult.Ignored(type);
            }

            var occurredAt = body.Rfc3339("timestamp");
            var data = body.Object("data");
            var paymentId = data?.String("payment_id");
            var orderId = data?.OptionalString("order_id");
            var amount = data?.MinorUnits("amount");
            var currency = data?.Currency("currency");
            if (string.IsNullOrEmpty(webhook.DeliveryId))
            {
                // Unreachable through Verify, which rejects a request without one; kept so the contract holds anyway.
                errors.Add(FieldErrors.DocumentPath, "The delivery id header is required.");
            }

            if (errors.Any || webhook.DeliveryId is not { } deliveryId || occurredAt is not { } occurred
                || paymentId is null || amount is not { } minor || currency is null)
            {
                return errors.ToMalformed(Detail);
            }

            return new NormalizationResult.Normalized(new PaymentEventReceived(
                EventIds.From(source.Name, deliveryId),
                source.Name,
                provider,
                deliveryId,
                kind.Value,
                paymentId,
                orderId,
                minor,
                currency,
                occurred,
                receivedAt));
        }
    }
}
