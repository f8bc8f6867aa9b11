using Payments.Operations.ServiceApis;

namespace Payments.Operations.Timeline;

/// <summary>
/// One payment's story: the steps ordered by time, the services that could not be asked, and the raw sections each
/// owning service answered (null when it was unavailable or, for reconciliation, never heard of the payment).
/// </summary>
/// <param name="Status">The order's status as Orders reports it; null when Orders was unavailable.</param>
public sealed record PaymentTimeline(
    Guid OrderId,
    string? Status,
    IReadOnlyList<TimelineStep> Steps,
    IReadOnlyList<string> Unavailable,
    OrderStory? Orders,
    IReadOnlyList<OrderEmail>? Notifications,
    PaymentChecks? Reconciliation);
