using Payments.Orders.Ordering;

namespace Payments.Orders.PaymentEvents;

/// <summary>What one payment event does to one order; every event is recorded in the history with its outcome.</summary>
public sealed record Decision(OrderStatus From, OrderStatus To, DecisionOutcome Outcome, string Explanation)
{
    public bool Changed => From != To;
}
