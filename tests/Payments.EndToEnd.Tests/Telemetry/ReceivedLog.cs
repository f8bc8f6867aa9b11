namespace Payments.EndToEnd.Tests.Telemetry;

/// <summary>A log record as an OTLP exporter sent it: its service, logger category (the scope), trace context and text.</summary>
public sealed record ReceivedLog(string Service, string Category, string? TraceId, string? SpanId, string Severity, string Body)
{
    public override string ToString() => $"{Service} | {Severity} {Category}: {Body} (trace {TraceId ?? "none"})";
}
