using System.Text.Json;
using Microsoft.Extensions.Options;
using Payments.ProviderSimulator.Configuration;
using Payments.ProviderSimulator.Deliveries;
using Payments.ProviderSimulator.Payments;
using Payments.ProviderSimulator.Stripe.Objects;
using Payments.ProviderSimulator.Targets;

namespace Payments.ProviderSimulator.Stripe;

/// <summary>
/// Stripe webhooks: the Event object as JSON, to receivers whose enabled_events include its type, signed per attempt
/// (a retry gets a fresh t= and signature, the same body and event id).
/// </summary>
internal sealed class StripeWebhookFormat(IOptions<SimulatorOptions> options) : IWebhookFormat
{
    public string Scheme => WebhookSchemes.Stripe;

    public WebhookMessage? Render(PaymentEvent paymentEvent, WebhookTarget target)
    {
        if (!target.Wants(StripeEventTypes.Name(paymentEvent.Type)))
        {
            return null;
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(StripeEventObject.From(paymentEvent, options.Value.ApiVersion), SimulatorJson.Options);
        return new WebhookMessage(paymentEvent.Id, body, "application/json; charset=utf-8");
    }

    public void Sign(HttpRequestMessage request, WebhookMessage message, WebhookTarget target, DateTimeOffset now)
    {
        request.Headers.TryAddWithoutValidation("Stripe-Signature", StripeSignature.Header(target.Secret, now.ToUnixTimeSeconds(), message.Body));
        request.Headers.UserAgent.ParseAdd("Stripe/1.0 (+https://stripe.com/docs/webhooks)");
    }
}
