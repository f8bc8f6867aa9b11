using Payments.Messaging;
using Payments.Contracts;
using Payments.Ingress.Webhooks.Schemes.Common;

namespace Payments.Ingress.Webhooks.Schemes.LiqPay;

/// <summary>
/// Maps the decoded callback JSON (https://www.liqpay.ua/en/doc/api/callback) to the canonical event. Statuses:
/// success → Succeeded; sandbox (a successful test payment) → Succeeded only for a source with AllowSandbox, else
/// refused; failure and error → Failed; reversed → Refunded; anything else (processing, wait_secure, 3ds_verify…)
/// is not final for us and is ignored.
/// LiqPay's API names a payment by the merchant's order_id (status, refund: https://www.liqpay.ua/en/doc/api/internet_acquiring/status),
/// and every attempt at one order (declined, then paid) gets a payment_id of its own; so the order_id is the payment
/// the event speaks of (the one Orders records for a LiqPay order), and payment_id tells the attempts' callbacks apart.
/// </summary>
internal static class LiqPayCallbackNormalizer
{
    private const string Detail = "The LiqPay callback lacks a field we need or has an invalid value.";

    public static NormalizationResult Normalize(ReadOnlyMemory<byte> payload, WebhookSource source, DateTimeOffset receivedAt)
    {
        if (!JsonPayload.TryParse(payload, Detail, out var document, out var malformed))
        {
            return malformed;
        }

        using (document)
        {
            var errors = new FieldErrors();
            var callback = JsonFieldReader.Root(document.RootElement, errors);
            var status = callback.String("status");
            if (status is null)
            {
                return errors.ToMalformed(Detail);
            }

            if (status == "sandbox" && !source.AllowSandbox)
            {
                // 400, not 200-ignored: a test payment reaching a live source is a misconfigured merchant or an attempt to
                // pay with play money, and the sender's callback log should show it failed; retrying cannot change it.
                return new NormalizationResult.Refused("sandbox_not_allowed", "Sandbox payment refused",
                    $"Source '{source.Name}' does not accept sandbox (test) payments: no money moved. Ingress:Sources:{source.Name}:AllowSandbox enables them.");
            }

            PaymentEventKind? kind = status switch
            {
                "success" or "sandbox" => PaymentEventKind.Succeeded,
                "failure" or "error" => PaymentEventKind.Failed,
                "reversed" => PaymentEventKind.Refunded,
                _ => null,
            };
            if (kind is null)
            {
                return new NormalizationResult.Ignored(status);
            }

            var paymentId = callback.StringOrInteger("payment_id");
            var action = callback.String("action");
            var orderId = callback.String("order_id");
            var currency = callback.Currency("currency");
            var amount = callback.MajorUnits("amount");
            var occurredAt = OccurredAt(callback);
            long? minor = null;
            if (amount is { } major && currency is not null)
            {
                if (Iso4217.TryToMinorUnits(major, currency, out var converted))
                {
                    minor = converted;
                }
                else
                {
                    callback.Add("amount", $"must have at most {Iso4217.Exponent(currency)} decimal places for {currency} and fit 64-bit minor units.");
                }
            }

            if (errors.Any || paymentId is null || action is null || orderId is null || currency is null
                || minor is not { } amountMinor || occurredAt is not { } occurred)
            {
                return errors.ToMalformed(Detail);
            }

            // LiqPay has no event id. The attempt, what was done and where it ended up identify a callback, and a
            // retry of the same callback carries the same three, so it dedupes downstream.
            var eventId = $"{paymentId}:{action}:{status}";
            return new NormalizationResult.Normalized(new PaymentEventReceived(
                EventIds.From(source.Name, eventId),
                source.Name,
                LiqPayScheme.SchemeName,
                eventId,
                kind.Value,
                orderId,
                orderId,
                amountMinor,
                currency,
                occurred,
                receivedAt));
        }
    }

    /// <summary>When the payment reached this status (end_date), or when it was created if LiqPay omits that; Unix ms.</summary>
    private static DateTimeOffset? OccurredAt(JsonFieldReader callback)
    {
        if (callback.Has("end_date"))
        {
            return callback.UnixMilliseconds("end_date");
        }

        if (callback.Has("create_date"))
        {
            return callback.UnixMilliseconds("create_date");
        }

        callback.Add("end_date", "is required (or create_date when the payment has no end date).");
        return null;
    }
}
