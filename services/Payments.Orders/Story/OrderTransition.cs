namespace Payments.Orders.Story;

/// <summary>One move of the order: its creation (cause "api") or a payment event that changed its status.</summary>
/// <param name="From">Null for the creation.</param>
/// <param name="Cause">"api", "webhook" or "reconciliation".</param>
/// <param name="EventId">The payment event that caused it; null for the creation.</param>
public sealed record OrderTransition(
    DateTimeOffset At,
    string? From,
    string To,
    string Cause,
    Guid? EventId,
    string? Source,
    string? ProviderEventId,
    string Explanation,
    string? TraceId);
