using System.Globalization;
using System.Text.Json;
using Payments.ProviderSimulator.Deliveries;
using Payments.ProviderSimulator.Payments;
using Payments.ProviderSimulator.Targets;

namespace Payments.ProviderSimulator.StandardWebhooks;

/// <summary>
/// Standard Webhooks sends: headers webhook-id (msg_…, the same for every attempt so receivers can deduplicate),
/// webhook-timestamp (this attempt, Unix seconds) and webhook-signature over both and the body.
/// </summary>
internal sealed class StandardWebhooksFormat : IWebhookFormat
{
    public string Scheme => WebhookSchemes.StandardWebhooks;

    public WebhookMessage? Render(PaymentEvent paymentEvent, WebhookTarget target)
    {
        string? type = paymentEvent.Type switch
        {
            PaymentEventType.PaymentIntentSucceeded => "payment.succeeded",
            PaymentEventType.PaymentIntentPaymentFailed => "payment.failed",
            PaymentEventType.ChargeRefunded => "payment.refunded",
            _ => null,
        };
        if (type is null)
        {
            return null;
        }

        var payment = paymentEvent.Payment;
        var amount = paymentEvent.Type == PaymentEventType.ChargeRefunded ? paymentEvent.Charge!.AmountRefunded : payment.Amount;
        var message = new PaymentMessage(
            type,
            paymentEvent.Created.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            new PaymentMessageData(payment.Id, payment.Metadata.GetValueOrDefault("order_id"), amount, payment.Currency.ToUpperInvariant()));
        var messageId = "msg_" + paymentEvent.Id["evt_".Length..];
        return new WebhookMessage(messageId, JsonSerializer.SerializeToUtf8Bytes(message, SimulatorJson.Options), "application/json");
    }

    public void Sign(HttpRequestMessage request, WebhookMessage message, WebhookTarget target, DateTimeOffset now)
    {
        var timestamp = now.ToUnixTimeSeconds();
        request.Headers.TryAddWithoutValidation("webhook-id", message.MessageId);
        request.Headers.TryAddWithoutValidation("webhook-timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation("webhook-signature", StandardWebhooksSignature.Sign(target.Secret, message.MessageId, timestamp, message.Body));
    }
}
