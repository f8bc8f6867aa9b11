namespace Payments.Operations.ServiceApis;

/// <summary>A move of the order: its creation (cause "api") or a payment event ("webhook", "reconciliation").</summary>
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
