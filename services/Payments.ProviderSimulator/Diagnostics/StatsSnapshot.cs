namespace Payments.ProviderSimulator.Diagnostics;

/// <summary>
/// GET /sim/stats: counters since start. WebhooksSent counts HTTP attempts; Delivered counts deliveries answered
/// 2xx; Pending counts deliveries not yet finished (delivered, given up, cancelled or dropped).
/// </summary>
internal sealed record StatsSnapshot(
    long EventsCreated,
    long WebhooksSent,
    long Delivered,
    long FailedAttempts,
    long Retried,
    long GaveUp,
    long Dropped,
    long Duplicated,
    long Delayed,
    long Reordered,
    long ApiErrorsInjected,
    long RateLimitsInjected,
    long ApiDelaysInjected,
    long Pending);
