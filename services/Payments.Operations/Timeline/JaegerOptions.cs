namespace Payments.Operations.Timeline;

/// <summary>Operations:Jaeger: where a step's trace can be opened. Optional: without BaseUrl, steps carry no link.</summary>
public sealed class JaegerOptions
{
    public const string Section = "Operations:Jaeger";

    public string? BaseUrl { get; set; }

    /// <summary>Jaeger UI's trace page, {base}/trace/{traceId}; null when either is missing.</summary>
    public string? TraceUrl(string? traceId) =>
        string.IsNullOrEmpty(BaseUrl) || string.IsNullOrEmpty(traceId) ? null : $"{BaseUrl.TrimEnd('/')}/trace/{traceId}";
}
