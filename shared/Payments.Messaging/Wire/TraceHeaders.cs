using System.Diagnostics;

namespace Payments.Messaging.Wire;

/// <summary>
/// The trace context a published message carries, so its consumer's span joins the producer's trace. MassTransit 8
/// on RabbitMQ parents its receive span on the "MT-Activity-Id" transport header (a W3C traceparent value) and reads
/// no other header there (Diagnostic-Id is only mapped on Azure transports); "traceparent" and "tracestate"
/// (https://www.w3.org/TR/trace-context/) serve every other consumer.
/// </summary>
public static class TraceHeaders
{
    public const string MassTransitActivityId = "MT-Activity-Id";
    public const string TraceParent = "traceparent";
    public const string TraceState = "tracestate";

    /// <summary>Makes <paramref name="producer"/> the parent of whoever consumes the message.</summary>
    public static void Write(IDictionary<string, string> headers, Activity producer)
    {
        headers[MassTransitActivityId] = producer.Id!;
        headers[TraceParent] = producer.Id!;
        if (producer.TraceStateString is { Length: > 0 } state)
        {
            headers[TraceState] = state;
        }
    }
}
