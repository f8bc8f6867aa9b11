using Payments.Contracts;

namespace Payments.Notifications.Tests.Infrastructure;

/// <summary>Orders' events as its outbox relay would publish them, each for a new order and a customer address of its own.</summary>
public static class SampleEvents
{
    public static string NewCustomer() => $"customer-{Guid.NewGuid():N}@example.com";

    public static OrderPaid Paid(long amount = 4200, string currency = "EUR", string? email = null) =>
        new(Guid.NewGuid(), "pi_" + Guid.NewGuid().ToString("N")[..24], amount, currency, email ?? NewCustomer(), DateTimeOffset.UtcNow, Guid.NewGuid());

    public static OrderPaymentFailed PaymentFailed(long amount = 4200, string currency = "EUR") =>
        new(Guid.NewGuid(), "pi_" + Guid.NewGuid().ToString("N")[..24], amount, currency, NewCustomer(), DateTimeOffset.UtcNow, Guid.NewGuid());

    public static OrderRefunded Refunded(long amount, long refunded, string currency) =>
        new(Guid.NewGuid(), "pi_" + Guid.NewGuid().ToString("N")[..24], amount, refunded, currency, NewCustomer(), DateTimeOffset.UtcNow, Guid.NewGuid());

    public static OrderNeedsAttention NeedsAttention(long expected, long reported, string currency, string reason) =>
        new(Guid.NewGuid(), "pi_" + Guid.NewGuid().ToString("N")[..24], reason, expected, currency, reported, currency, DateTimeOffset.UtcNow, Guid.NewGuid());
}
