using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.Collections;
using OpenTelemetry.Proto.Collector.Logs.V1;
using OpenTelemetry.Proto.Collector.Metrics.V1;
using OpenTelemetry.Proto.Collector.Trace.V1;
using OpenTelemetry.Proto.Common.V1;
using OpenTelemetry.Proto.Metrics.V1;
using OpenTelemetry.Proto.Resource.V1;

namespace Payments.EndToEnd.Tests.Telemetry;

/// <summary>Flattens OTLP export requests (https://opentelemetry.io/docs/specs/otlp/) into spans, metrics and log records tagged with their service.</summary>
internal static class OtlpDecoder
{
    public static IEnumerable<ReceivedSpan> Spans(ExportTraceServiceRequest request) =>
        from resourceSpans in request.ResourceSpans
        let service = ServiceName(resourceSpans.Resource)
        from scopeSpans in resourceSpans.ScopeSpans
        from span in scopeSpans.Spans
        select new ReceivedSpan(
            service,
            scopeSpans.Scope?.Name ?? "",
            Hex(span.TraceId),
            Hex(span.SpanId),
            span.ParentSpanId.IsEmpty ? null : Hex(span.ParentSpanId),
            span.Name,
            span.Kind,
            Attributes(span.Attributes),
            DateTimeOffset.UnixEpoch.AddTicks((long)(span.StartTimeUnixNano / 100)),
            [.. span.Links.Select(link => new SpanLink(Hex(link.TraceId), Hex(link.SpanId)))]);

    public static IEnumerable<ReceivedLog> Logs(ExportLogsServiceRequest request) =>
        from resourceLogs in request.ResourceLogs
        let service = ServiceName(resourceLogs.Resource)
        from scopeLogs in resourceLogs.ScopeLogs
        from record in scopeLogs.LogRecords
        select new ReceivedLog(
            service,
            scopeLogs.Scope?.Name ?? "",
            record.TraceId.IsEmpty ? null : Hex(record.TraceId),
            record.SpanId.IsEmpty ? null : Hex(record.SpanId),
            record.SeverityText,
            Text(record.Body));

    public static IEnumerable<ReceivedMetric> Metrics(ExportMetricsServiceRequest request) =>
        from resourceMetrics in request.ResourceMetrics
        let service = ServiceName(resourceMetrics.Resource)
        from scopeMetrics in resourceMetrics.ScopeMetrics
        from metric in scopeMetrics.Metrics
        select new ReceivedMetric(service, scopeMetrics.Scope?.Name ?? "", metric.Name, Points(metric));

    private static List<MetricPoint> Points(Metric metric) => metric.DataCase switch
    {
        Metric.DataOneofCase.Gauge => [.. metric.Gauge.DataPoints.Select(Number)],
        Metric.DataOneofCase.Sum => [.. metric.Sum.DataPoints.Select(Number)],
        Metric.DataOneofCase.Histogram => [.. metric.Histogram.DataPoints.Select(p => new MetricPoint(Attributes(p.Attributes), p.Count))],
        Metric.DataOneofCase.ExponentialHistogram => [.. metric.ExponentialHistogram.DataPoints.Select(p => new MetricPoint(Attributes(p.Attributes), p.Count))],
        Metric.DataOneofCase.Summary => [.. metric.Summary.DataPoints.Select(p => new MetricPoint(Attributes(p.Attributes), p.Count))],
        _ => [],
    };

    private static MetricPoint Number(NumberDataPoint point) =>
        new(Attributes(point.Attributes), point.ValueCase == NumberDataPoint.ValueOneofCase.AsInt ? point.AsInt : point.AsDouble);

    private static string ServiceName(Resource? resource) =>
        resource?.Attributes.FirstOrDefault(a => a.Key == "service.name")?.Value.StringValue ?? "(no service.name)";

    private static Dictionary<string, string> Attributes(RepeatedField<KeyValue> attributes) =>
        attributes.GroupBy(a => a.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => Text(g.First().Value), StringComparer.Ordinal);

    private static string Text(AnyValue? value) => value?.ValueCase switch
    {
        AnyValue.ValueOneofCase.StringValue => value.StringValue,
        AnyValue.ValueOneofCase.IntValue => value.IntValue.ToString(CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.DoubleValue => value.DoubleValue.ToString(CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.BoolValue => value.BoolValue ? "true" : "false",
        AnyValue.ValueOneofCase.ArrayValue => string.Join(",", value.ArrayValue.Values.Select(Text)),
        AnyValue.ValueOneofCase.BytesValue => Hex(value.BytesValue),
        _ => "",
    };

    private static string Hex(ByteString bytes) => Convert.ToHexStringLower(bytes.Span);
}
