using System.Diagnostics.Metrics;
using Payments.Contracts;
using Payments.Orders.PaymentEvents;

namespace Payments.Orders.Diagnostics;

/// <summary>Meter "Payments.Orders".</summary>
public sealed class OrdersMetrics
{
    private readonly Counter<long> _created;
    private readonly Counter<long> _decisions;

    public OrdersMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create("Payments.Orders");
        _created = meter.CreateCounter<long>("payments.orders.created", "{order}", "Orders created.");
        _decisions = meter.CreateCounter<long>("payments.orders.payment_events", "{event}", "Payment events decided, by kind, outcome and resulting status.");
    }

    public void Created() => _created.Add(1);

    public void EventDecided(PaymentEventKind kind, Decision decision) => _decisions.Add(1,
        new("kind", kind.ToString()), new("outcome", decision.Outcome.ToString()), new KeyValuePair<string, object?>("to", decision.To.ToString()));
}
