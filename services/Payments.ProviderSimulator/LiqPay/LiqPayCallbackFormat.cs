using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Payments.ProviderSimulator.Configuration;
using Payments.ProviderSimulator.Deliveries;
using Payments.ProviderSimulator.Payments;
using Payments.ProviderSimulator.Targets;

namespace Payments.ProviderSimulator.LiqPay;

/// <summary>
/// LiqPay server callbacks (https://www.liqpay.ua/en/doc/callback): a form POST of data (base64 JSON) and signature,
/// signed with the receiver's secret (the merchant's private key unless the receiver was registered with another).
/// LiqPay signs no timestamp, so the whole body is fixed and a retry is byte-for-byte the same request.
/// </summary>
internal sealed class LiqPayCallbackFormat(IOptions<SimulatorOptions> options) : IWebhookFormat
{
    public string Scheme => WebhookSchemes.LiqPay;

    public WebhookMessage? Render(PaymentEvent paymentEvent, WebhookTarget target)
    {
        if (LiqPayStatuses.ForEvent(paymentEvent.Type) is not { } status)
        {
            return null;
        }

        var payment = LiqPayPayment.From(paymentEvent.Payment, paymentEvent.Charge, status, options.Value.LiqPay.PublicKey);
        var data = Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(payment, SimulatorJson.Options));
        var signature = LiqPaySignature.Sign(target.Secret, data);
        var body = $"data={Uri.EscapeDataString(data)}&signature={Uri.EscapeDataString(signature)}";
        // LiqPay gives a callback no id: the attempt, what was done and where it ended up identify it, as receivers key it.
        return new WebhookMessage($"{payment.PaymentId}:{payment.Action}:{status}", Encoding.ASCII.GetBytes(body), "application/x-www-form-urlencoded");
    }

    public void Sign(HttpRequestMessage request, WebhookMessage message, WebhookTarget target, DateTimeOffset now)
    {
        // Signed in Render: the signature covers data only, which never changes between attempts.
    }
}
