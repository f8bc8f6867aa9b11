using System.Diagnostics;
using Payments.Contracts;
using Payments.Reconciliation.Providers;

namespace Payments.Reconciliation.Housekeeping;

/// <summary>
/// What one check of one claimed payment decided: the outcomes to announce, when to look again (null: no longer
/// watched), whether it is now stuck, or the provider error that put the check off.
/// </summary>
public sealed record CheckOutcome(
    ClaimedPayment Payment,
    IReadOnlyList<PaymentEventReceived> Findings,
    DateTimeOffset? NextCheckAt,
    bool Stuck,
    ProviderStatus? ProviderStatus,
    string? Error)
{
    public bool Checked => Error is null;

    /// <summary>The check's span (default when tracing is off): its row and its findings carry this trace on.</summary>
    public ActivityContext Trace { get; init; }
}
