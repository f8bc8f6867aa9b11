namespace Payments.Compose.Tests.Driving;

/// <summary>One trace from Jaeger's query API; its ToString is the tree a failed assertion shows.</summary>
public sealed record JaegerTrace(string TraceId, IReadOnlyList<JaegerSpan> Spans)
{
    /// <summary>Spans whose parent is not in the trace (for one webhook: the ingress's server span alone).</summary>
    public IEnumerable<JaegerSpan> Roots => Spans.Where(s => !s.Parents.Any(p => Spans.Any(o => o.SpanId == p)));

    public IEnumerable<JaegerSpan> ChildrenOf(JaegerSpan parent) => Spans.Where(s => s.Parents.Contains(parent.SpanId));

    public IEnumerable<JaegerSpan> DescendantsOf(JaegerSpan parent) =>
        ChildrenOf(parent).SelectMany(child => (IEnumerable<JaegerSpan>)[child, .. DescendantsOf(child)]);

    public IEnumerable<string> Services => Spans.Select(s => s.Service).Distinct();

    public override string ToString() => $"trace {TraceId}:\n" + string.Join('\n', Roots.Select(r => Render(r, 1)));

    private string Render(JaegerSpan span, int depth) =>
        string.Join('\n', [new string(' ', depth * 2) + span, .. ChildrenOf(span).Select(c => Render(c, depth + 1))]);
}
