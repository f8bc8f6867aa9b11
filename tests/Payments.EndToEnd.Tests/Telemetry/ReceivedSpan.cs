using OpenTelemetry.Proto.Trace.V1;

namespace Payments.EndToEnd.Tests.Telemetry;

/// <summary>A span as an OTLP exporter sent it, with the service.name of its resource. Ids are lower-case hex.</summary>
public sealed record ReceivedSpan(
    string Service,
    string Scope,
    string TraceId,
    string SpanId,
    string? ParentSpanId,
    string Name,
    Span.Types.SpanKind Kind,
    IReadOnlyDictionary<string, string> Attributes,
    DateTimeOffset Start,
    IReadOnlyList<SpanLink> Links)
{
    public string? Attribute(string key) => Attributes.GetValueOrDefault(key);

    public override string ToString() => $"{Service} | {Name} [{Kind}] ({Scope})";
}
