namespace Payments.Demo;

/// <summary>One order of the demo, and what was observed about it.</summary>
internal sealed class DemoOrder(Guid id, string paymentId, CustomerPlan plan)
{
    public Guid Id { get; } = id;

    public string PaymentId { get; } = paymentId;

    public CustomerPlan Plan { get; } = plan;

    /// <summary>When the customer's last action at the provider returned (the outcome the order must reach).</summary>
    public DateTimeOffset ActedAt { get; set; }

    public string Status { get; set; } = "awaiting_payment";

    public DateTimeOffset? ReachedAt { get; set; }

    public bool RecoveredByReconciliation { get; set; }

    public int EventsRecorded { get; set; }

    public int EmailsSent { get; set; }

    public DateTimeOffset? LastEmailAt { get; set; }

    public bool Matches => Status == Plan.ExpectedStatus();
}
