namespace Payments.Compose.Tests.Driving;

/// <summary>A span as Jaeger's query API shows it, with the service name of its process resolved.</summary>
public sealed record JaegerSpan(
    string TraceId,
    string SpanId,
    string OperationName,
    string Service,
    IReadOnlyList<string> Parents,
    IReadOnlyDictionary<string, string> Tags)
{
    public string? Tag(string key) => Tags.GetValueOrDefault(key);

    public override string ToString() => $"{Service} '{OperationName}' {SpanId} <- [{string.Join(", ", Parents)}]";
}
