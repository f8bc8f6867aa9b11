using System.Globalization;
using System.Text;

namespace Payments.EndToEnd.Tests.Telemetry;

/// <summary>The spans of one trace, with their parent links, printable as the tree Jaeger would draw.</summary>
public sealed class TraceTree
{
    private static readonly string[] ShownAttributes =
        ["http.route", "http.response.status_code", "messaging.destination.name", "messaging.operation", "db.system.name", "db.system"];

    private readonly ILookup<string?, ReceivedSpan> _children;
    private readonly Dictionary<string, ReceivedSpan> _byId;

    public TraceTree(string traceId, IEnumerable<ReceivedSpan> spans)
    {
        TraceId = traceId;
        Spans = [.. spans.Where(s => s.TraceId == traceId).DistinctBy(s => s.SpanId).OrderBy(s => s.Start)];
        _byId = Spans.ToDictionary(s => s.SpanId, StringComparer.Ordinal);
        _children = Spans.ToLookup(s => s.ParentSpanId);
    }

    public string TraceId { get; }

    public IReadOnlyList<ReceivedSpan> Spans { get; }

    /// <summary>Spans whose parent is not in the trace (one, when nothing is missing).</summary>
    public IEnumerable<ReceivedSpan> Roots => Spans.Where(s => s.ParentSpanId is null || !_byId.ContainsKey(s.ParentSpanId));

    public IEnumerable<ReceivedSpan> ChildrenOf(ReceivedSpan span) => _children[span.SpanId];

    public IEnumerable<ReceivedSpan> DescendantsOf(ReceivedSpan span) =>
        ChildrenOf(span).SelectMany(child => DescendantsOf(child).Prepend(child));

    public override string ToString()
    {
        var text = new StringBuilder($"trace {TraceId}: {Spans.Count} spans\n");
        var start = Spans.Count > 0 ? Spans[0].Start : default;
        foreach (var root in Roots)
        {
            Print(root, 0);
        }

        return text.ToString();

        void Print(ReceivedSpan span, int depth)
        {
            var offset = (span.Start - start).TotalMilliseconds.ToString("+0", CultureInfo.InvariantCulture);
            var attributes = string.Join(" ", ShownAttributes.Where(span.Attributes.ContainsKey).Select(k => $"{k}={span.Attributes[k]}"));
            text.Append(' ', depth * 2).Append(span).Append(' ').Append(offset).Append(" ms ").AppendLine(attributes);
            foreach (var child in ChildrenOf(span))
            {
                Print(child, depth + 1);
            }
        }
    }
}
