namespace Payments.Operations.Timeline;

/// <summary>One step of a payment's story.</summary>
/// <param name="Kind">"webhook", "transition", "email", "check" or "finding".</param>
/// <param name="Service">The owning service that recorded it: "orders", "notifications" or "reconciliation".</param>
/// <param name="Ref">The id of what the step is about in its service (event, notification or finding id), when it has one.</param>
/// <param name="TraceUrl">{Operations:Jaeger:BaseUrl}/trace/{traceId}; null without a trace id or without the setting.</param>
public sealed record TimelineStep(DateTimeOffset At, string Kind, string Service, string Summary, string? TraceId, string? TraceUrl, string? Ref);
