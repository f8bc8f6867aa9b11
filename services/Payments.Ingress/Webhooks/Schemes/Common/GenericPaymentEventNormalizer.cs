using System.Globalization;
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
/// Any other type is acknowledged and ignored, so a sender can add event types without breaking us. The event id is
/// the signed delivery id where the scheme signs one (Standard Webhooks' webhook-id, kept the same on retries);
/// otherwise it is derived from the signed body (GitHub-style, whose delivery header is not signed).
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
            if (errors.Any || occurredAt is not { } occurred || paymentId is null || amount is not { } minor || currency is null)
            {
                return errors.ToMalformed(Detail);
            }

            var eventId = webhook.DeliveryId is { Length: > 0 } signedId ? signedId : BodyEventId(type, paymentId, occurred, minor);
            return new NormalizationResult.Normalized(new PaymentEventReceived(
                EventIds.From(source.Name, eventId),
                source.Name,
                provider,
                eventId,
                kind.Value,
                paymentId,
                orderId,
                minor,
                currency,
                occurred,
                receivedAt));
        }
    }

    // The payment, what happened to it, when and for how much: what a replay under a new delivery id cannot change.
    private static string BodyEventId(string type, string paymentId, DateTimeOffset occurred, long amountMinor) =>
        string.Create(CultureInfo.InvariantCulture, $"{type}:{paymentId}:{occurred.UtcDateTime:O}:{amountMinor}");
}
