namespace Payments.EndToEnd.Tests.Telemetry;

/// <summary>A span's link to another span, possibly of another trace (ids lower-case hex).</summary>
public sealed record SpanLink(string TraceId, string SpanId);
