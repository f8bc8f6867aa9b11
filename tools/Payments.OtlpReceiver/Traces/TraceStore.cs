using OpenTelemetry.Proto.Collector.Trace.V1;

namespace Payments.OtlpReceiver.Traces;

/// <summary>
/// Received spans grouped by trace, in memory and bounded: past MaxTraces the trace first seen longest ago goes.
/// One lock: a stand-in for Jaeger in development and tests, where simplicity beats contention-free reads.
/// </summary>
public sealed class TraceStore(int maxTraces)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, List<StoredSpan>> traces = [];
    private readonly LinkedList<string> arrival = [];
    private readonly Dictionary<string, LinkedListNode<string>> arrivalOf = [];

    public void Add(ExportTraceServiceRequest request)
    {
        lock (gate)
        {
            foreach (var resourceSpans in request.ResourceSpans)
            {
                var service = resourceSpans.Resource?.Attributes.FirstOrDefault(a => a.Key == "service.name")?.Value.StringValue;
                foreach (var span in resourceSpans.ScopeSpans.SelectMany(s => s.Spans))
                {
                    Add(new StoredSpan(string.IsNullOrEmpty(service) ? "unknown_service" : service, Convert.ToHexStringLower(span.TraceId.Span), span));
                }
            }
        }
    }

    public IReadOnlyList<StoredSpan>? Trace(string traceId)
    {
        lock (gate)
        {
            return traces.TryGetValue(traceId.ToLowerInvariant(), out var spans) ? [.. spans] : null;
        }
    }

    public IReadOnlyList<string> Services()
    {
        lock (gate)
        {
            return [.. traces.Values.SelectMany(t => t).Select(s => s.ServiceName).Distinct().Order(StringComparer.Ordinal)];
        }
    }

    /// <summary>Traces with a span from the service, most recently received first.</summary>
    public IReadOnlyList<IReadOnlyList<StoredSpan>> Recent(string? service, int limit)
    {
        lock (gate)
        {
            var found = new List<IReadOnlyList<StoredSpan>>();
            for (var node = arrival.Last; node is not null && found.Count < limit; node = node.Previous)
            {
                var spans = traces[node.Value];
                if (service is null || spans.Exists(s => s.ServiceName == service))
                {
                    found.Add([.. spans]);
                }
            }

            return found;
        }
    }

    private void Add(StoredSpan span)
    {
        if (traces.TryGetValue(span.TraceId, out var spans))
        {
            spans.Add(span);
            arrival.Remove(arrivalOf[span.TraceId]);
            arrival.AddLast(arrivalOf[span.TraceId]);
            return;
        }

        traces[span.TraceId] = [span];
        arrivalOf[span.TraceId] = arrival.AddLast(span.TraceId);
        if (traces.Count > maxTraces)
        {
            var oldest = arrival.First!.Value;
            arrival.RemoveFirst();
            arrivalOf.Remove(oldest);
            traces.Remove(oldest);
        }
    }
}
