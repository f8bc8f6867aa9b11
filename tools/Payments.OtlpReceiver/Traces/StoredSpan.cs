using OpenTelemetry.Proto.Trace.V1;

namespace Payments.OtlpReceiver.Traces;

/// <summary>A received span with the service that sent it (the resource's service.name).</summary>
public sealed record StoredSpan(string ServiceName, string TraceId, Span Span);
