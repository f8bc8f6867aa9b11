using Payments.Contracts;
using Payments.Messaging;

namespace Payments.Operations.Tests.Infrastructure;

public static class PaymentEvents
{
    /// <summary>A Stripe "succeeded" for the order's 42.00 EUR payment, as the ingress would publish it.</summary>
    public static PaymentEventReceived Succeeded(Guid orderId, string paymentId)
    {
        var providerEventId = "evt_" + Guid.NewGuid().ToString("N")[..20];
        var now = DateTimeOffset.UtcNow;
        return new PaymentEventReceived(EventIds.From("stripe", providerEventId), "stripe", "stripe", providerEventId, PaymentEventKind.Succeeded,
            paymentId, orderId.ToString(), 4200, "EUR", now, now);
    }
}
