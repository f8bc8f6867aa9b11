using Payments.Operations.Parked;

namespace Payments.Operations.Now;

/// <summary>
/// GET /api/now. Any part whose source did not answer is null and its source is named in Unavailable.
/// Webhooks per minute by source and rejections by reason are not here: docs/decisions/0020-operations-now-sources.md.
/// </summary>
public sealed record NowSnapshot(
    DateTimeOffset At,
    IReadOnlyList<QueueDepth>? Queues,
    IReadOnlyList<ServiceBacklog> Outbox,
    long? ParkedNotifications,
    DeadLetterCounts DeadLetters,
    int? StuckPayments,
    IReadOnlyList<UnavailableService> Unavailable);
