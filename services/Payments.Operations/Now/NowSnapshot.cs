using Payments.Operations.Parked;

namespace Payments.Operations.Now;

/// <summary>
/// GET /api/now. Any part whose source did not answer is null and its source is named in Unavailable.
/// Webhooks per minute by source and refusals by reason come from the ingress's GET /admin/traffic over the last
/// 15 minutes (docs/decisions/0026-ingress-traffic-for-operators.md).
/// </summary>
public sealed record NowSnapshot(
    DateTimeOffset At,
    IReadOnlyList<QueueDepth>? Queues,
    IReadOnlyList<ServiceBacklog> Outbox,
    long? ParkedNotifications,
    DeadLetterCounts DeadLetters,
    int? StuckPayments,
    IReadOnlyList<WebhookRate>? Webhooks,
    IReadOnlyList<WebhookRejections>? WebhookRejections,
    IReadOnlyList<UnavailableService> Unavailable);
