using Payments.Contracts;

namespace Payments.Orders.Tests.Infrastructure;

/// <summary>Canonical events as the ingress would publish them.</summary>
public static class PaymentEvents
{
    public static PaymentEventReceived For(Guid orderId, PaymentEventKind kind, long amount = 4200, string currency = "EUR", string? paymentId = null, string source = "stripe") =>
        new(Guid.NewGuid(), source, "stripe", "evt_" + Guid.NewGuid().ToString("N"), kind, paymentId ?? "pi_test", orderId.ToString(), amount, currency,
            DateTimeOffset.UtcNow, DateTimeOffset.UtcNow);
}
