using Payments.ProviderSimulator.Payments;
using Payments.ProviderSimulator.Targets;

namespace Payments.ProviderSimulator.Deliveries;

/// <summary>How one scheme tells a receiver about a payment event, and how it signs what it sends.</summary>
internal interface IWebhookFormat
{
    /// <summary>The scheme name (<see cref="WebhookSchemes"/>).</summary>
    string Scheme { get; }

    /// <summary>The message for this receiver, or null when the receiver does not want the event or the scheme has no word for it.</summary>
    WebhookMessage? Render(PaymentEvent paymentEvent, WebhookTarget target);

    /// <summary>Adds the headers made per attempt (timestamp, signature) at <paramref name="now"/>.</summary>
    void Sign(HttpRequestMessage request, WebhookMessage message, WebhookTarget target, DateTimeOffset now);
}
