using System.Diagnostics;

namespace Payments.Ingress.Diagnostics;

/// <summary>
/// ASP.NET Core parents its request activity on whatever this propagator extracts. At the public edge nothing is:
/// a caller's traceparent (https://www.w3.org/TR/trace-context/) is a claim from outside, so each webhook starts a
/// trace of its own and the caller's context becomes a link (<see cref="EdgeTracing"/>). Injection is the default's.
/// </summary>
internal sealed class NewTraceAtTheEdgePropagator(DistributedContextPropagator inner) : DistributedContextPropagator
{
    public override IReadOnlyCollection<string> Fields => inner.Fields;

    public override void Inject(Activity? activity, object? carrier, PropagatorSetterCallback? setter) => inner.Inject(activity, carrier, setter);

    public override void ExtractTraceIdAndState(object? carrier, PropagatorGetterCallback? getter, out string? traceId, out string? traceState)
    {
        traceId = null;
        traceState = null;
    }

    // Baggage from outside is not ours to carry either.
    public override IEnumerable<KeyValuePair<string, string?>>? ExtractBaggage(object? carrier, PropagatorGetterCallback? getter) => null;
}
