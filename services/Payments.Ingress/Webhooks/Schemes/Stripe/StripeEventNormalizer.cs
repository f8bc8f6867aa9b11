using Payments.Messaging;
using Payments.Contracts;
using Payments.Ingress.Webhooks.Schemes.Common;

namespace Payments.Ingress.Webhooks.Schemes.Stripe;

/// <summary>
/// Maps a Stripe event (https://docs.stripe.com/api/events/object) to the canonical one. Handled types:
/// payment_intent.succeeded and payment_intent.payment_failed, whose data.object is a PaymentIntent
/// {id, amount, currency, metadata.order_id?}; and charge.refunded, whose data.object is a Charge
/// {payment_intent, amount_refunded, currency, metadata.order_id?}. Any other type is ignored. Stripe amounts are
/// already in the smallest currency unit; amount_refunded is the charge's total refunded so far, so a second
/// partial refund reports the cumulative amount.
/// </summary>
internal static class StripeEventNormalizer
{
    private const string Detail = "The Stripe event lacks a field we need or has an invalid value.";

    public static NormalizationResult Normalize(ReadOnlyMemory<byte> payload, WebhookSource source, DateTimeOffset receivedAt)
    {
        if (!JsonPayload.TryParse(payload, Detail, out var document, out var malformed))
        {
            return malformed;
        }

        using (document)
        {
            var errors = new FieldErrors();
            var evt = JsonFieldReader.Root(document.RootElement, errors);
            var type = evt.String("type");
            if (type is null)
            {
                return errors.ToMalformed(Detail);
            }

            PaymentEventKind? kind = type switch
            {
                "payment_intent.succeeded" => PaymentEventKind.Succeeded,
                "payment_intent.payment_failed" => PaymentEventKind.Failed,
                "charge.refunded" => PaymentEventKind.Refunded,
                _ => null,
            };
            if (kind is null)
            {
                return new NormalizationResult.Ignored(type);
            }

            var eventId = evt.String("id");
            var occurredAt = evt.UnixSeconds("created");
            var payment = evt.Object("data")?.Object("object");
            var currency = payment?.Currency("currency");
            string? paymentId, orderId;
            long? amount;
            if (kind == PaymentEventKind.Refunded)
            {
                // Orders records the PaymentIntent id, so a refund is reported against it, not the charge. Refunds
                // made in the dashboard carry no order metadata: Orders then finds the order by the payment id.
                paymentId = payment?.String("payment_intent");
                amount = payment?.MinorUnits("amount_refunded");
                orderId = payment is { } charge && charge.Has("metadata") ? charge.Object("metadata")?.OptionalString("order_id") : null;
            }
            else
            {
                paymentId = payment?.String("id");
                amount = payment?.MinorUnits("amount");
                // Optional too: an intent created outside Orders (dashboard, another integration) has no order id.
                // Refusing it would make Stripe retry for days; Orders resolves by payment id or dead-letters it.
                orderId = payment is { } intent && intent.Has("metadata") ? intent.Object("metadata")?.OptionalString("order_id") : null;
            }

            if (errors.Any || eventId is null || occurredAt is not { } occurred || paymentId is null
                || amount is not { } minor || currency is null)
            {
                return errors.ToMalformed(Detail);
            }

            return new NormalizationResult.Normalized(new PaymentEventReceived(
                EventIds.From(source.Name, eventId),
                source.Name,
                StripeScheme.SchemeName,
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
}
