using OpenTelemetry.Proto.Common.V1;
using OpenTelemetry.Proto.Trace.V1;
using Payments.OtlpReceiver.Traces;

namespace Payments.OtlpReceiver.Query;

/// <summary>
/// A trace in Jaeger's JSON model (what /api/traces answers): times in microseconds, one process per service,
/// the parent as a CHILD_OF reference, attributes as typed tags.
/// </summary>
public static class JaegerTrace
{
    public static object From(IReadOnlyList<StoredSpan> spans)
    {
        var processes = spans.Select(s => s.ServiceName).Distinct().Select((service, i) => (service, id: $"p{i + 1}")).ToDictionary(p => p.service, p => p.id);
        return new
        {
            traceID = spans[0].TraceId,
            spans = spans.OrderBy(s => s.Span.StartTimeUnixNano).Select(s => Span(s, processes[s.ServiceName])),
            processes = processes.ToDictionary(p => p.Value, p => new { serviceName = p.Key, tags = Array.Empty<object>() }),
            warnings = (object?)null,
        };
    }

    private static object Span(StoredSpan stored, string processId)
    {
        var span = stored.Span;
        var references = span.ParentSpanId.IsEmpty
            ? []
            : new[] { new { refType = "CHILD_OF", traceID = stored.TraceId, spanID = Convert.ToHexStringLower(span.ParentSpanId.Span) } };
        var tags = span.Attributes.Select(Tag).Append(new { key = "span.kind", type = "string", value = (object)KindName(span.Kind) });
        return new
        {
            traceID = stored.TraceId,
            spanID = Convert.ToHexStringLower(span.SpanId.Span),
            operationName = span.Name,
            references,
            startTime = span.StartTimeUnixNano / 1000,
            duration = (span.EndTimeUnixNano - span.StartTimeUnixNano) / 1000,
            tags,
            logs = Array.Empty<object>(),
            processID = processId,
            warnings = (object?)null,
        };
    }

    private static string KindName(Span.Types.SpanKind kind) => kind switch
    {
        OpenTelemetry.Proto.Trace.V1.Span.Types.SpanKind.Server => "server",
        OpenTelemetry.Proto.Trace.V1.Span.Types.SpanKind.Client => "client",
        OpenTelemetry.Proto.Trace.V1.Span.Types.SpanKind.Producer => "producer",
        OpenTelemetry.Proto.Trace.V1.Span.Types.SpanKind.Consumer => "consumer",
        _ => "internal",
    };

    private static object Tag(KeyValue attribute) => attribute.Value.ValueCase switch
    {
        AnyValue.ValueOneofCase.BoolValue => new { key = attribute.Key, type = "bool", value = (object)attribute.Value.BoolValue },
        AnyValue.ValueOneofCase.IntValue => new { key = attribute.Key, type = "int64", value = (object)attribute.Value.IntValue },
        AnyValue.ValueOneofCase.DoubleValue => new { key = attribute.Key, type = "float64", value = (object)attribute.Value.DoubleValue },
        _ => new { key = attribute.Key, type = "string", value = (object)attribute.Value.StringValue },
    };
}
