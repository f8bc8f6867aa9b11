using Payments.Contracts;
using Payments.Orders.Ordering;

namespace Payments.Orders.PaymentEvents;

/// <summary>
/// The order's payment state as a monotonic order: awaiting payment &lt; payment failed &lt; paid &lt; refunded.
/// An event moves the order only upwards, so any arrival order of the same events converges on the same state:
/// a failed attempt after success is recorded but does not unpay, a late success after a refund changes nothing,
/// and a failed payment becomes paid when the customer retries. Money that does not match the order moves it to
/// needs-attention, which absorbs every later event until an operator steps in; being absorbing keeps that
/// convergent too. So does an event that is not about the order's payment (another provider, or another payment id
/// naming our order): whoever sent it, it pays nothing and an operator looks.
/// </summary>
public static class OrderStateMachine
{
    public static Decision Decide(OrderStatus status, OrderTerms order, PaymentEventReceived @event)
    {
        if (status == OrderStatus.NeedsAttention)
        {
            return new(status, status, DecisionOutcome.Unchanged, "The order needs attention; events are recorded only.");
        }

        if (Foreign(order, @event) is { } foreign)
        {
            return new(status, OrderStatus.NeedsAttention, DecisionOutcome.Foreign, foreign);
        }

        if (Mismatch(order.AmountMinor, order.Currency, @event) is { } reason)
        {
            return new(status, OrderStatus.NeedsAttention, DecisionOutcome.Mismatch, reason);
        }

        OrderStatus? target = @event.Kind switch
        {
            PaymentEventKind.Succeeded => OrderStatus.Paid,
            PaymentEventKind.Failed => OrderStatus.PaymentFailed,
            PaymentEventKind.Refunded => OrderStatus.Refunded,
            _ => null,
        };
        if (target is null)
        {
            return new(status, status, DecisionOutcome.Unchanged, $"Event kind {@event.Kind} does not affect orders.");
        }

        return Rank(target.Value) > Rank(status)
            ? new(status, target.Value, DecisionOutcome.Applied, $"{@event.Kind} moved the order to {target.Value.ToText()}.")
            : new(status, status, DecisionOutcome.Unchanged, Explain(status, @event.Kind));
    }

    /// <summary>
    /// Only the provider the payment was created at, speaking of that payment, may move the order. An order whose
    /// payment is not recorded yet matches nothing: the handler waits for the recording before deciding.
    /// </summary>
    private static string? Foreign(OrderTerms order, PaymentEventReceived @event)
    {
        if (!string.Equals(@event.Provider, order.Provider, StringComparison.Ordinal))
        {
            return $"Provider mismatch: the order's payment is at {Bounded(order.Provider)}, the event came from {Bounded(@event.Provider)} " +
                $"(source {Bounded(@event.Source)}).";
        }

        return string.Equals(@event.ProviderPaymentId, order.PaymentId, StringComparison.Ordinal)
            ? null
            : $"Payment mismatch: the order's payment is {Bounded(order.PaymentId)}, the event (source {Bounded(@event.Source)}) " +
              $"names payment {Bounded(@event.ProviderPaymentId)}.";
    }

    // Sender-chosen text lands in the order's attention reason and in a published event: keep it bounded.
    private static string Bounded(string? value) => value is null ? "(none)" : value.Length <= 64 ? value : value[..64] + "…";

    private static string? Mismatch(long amount, string currency, PaymentEventReceived @event)
    {
        if (@event.Kind is not (PaymentEventKind.Succeeded or PaymentEventKind.Refunded))
        {
            return null; // a failed attempt moved no money
        }

        if (!string.Equals(@event.Currency, currency, StringComparison.OrdinalIgnoreCase))
        {
            return $"Currency mismatch: the order is in {currency}, the provider reported {@event.Currency}.";
        }

        return @event.Kind switch
        {
            PaymentEventKind.Succeeded when @event.AmountMinor != amount =>
                $"Amount mismatch: the order is {amount} {currency} (minor units), the provider reported {@event.AmountMinor} paid.",
            PaymentEventKind.Refunded when @event.AmountMinor > amount =>
                $"Refund exceeds the order: the order is {amount} {currency} (minor units), the provider reported {@event.AmountMinor} refunded.",
            _ => null,
        };
    }

    private static int Rank(OrderStatus status) => status switch
    {
        OrderStatus.AwaitingPayment => 0,
        OrderStatus.PaymentFailed => 1,
        OrderStatus.Paid => 2,
        OrderStatus.Refunded => 3,
        _ => int.MaxValue,
    };

    private static string Explain(OrderStatus status, PaymentEventKind kind) => (status, kind) switch
    {
        (OrderStatus.Paid, PaymentEventKind.Failed) => "A failed attempt after success is recorded but does not unpay the order.",
        (OrderStatus.Refunded, _) => "The order is already refunded; an earlier event arriving late never moves it back.",
        _ when (status, kind) is (OrderStatus.Paid, PaymentEventKind.Succeeded) or (OrderStatus.PaymentFailed, PaymentEventKind.Failed) =>
            "The order is already in this state (another delivery or source of the same outcome).",
        _ => $"{kind} does not move an order that is {status.ToText()}.",
    };
}
