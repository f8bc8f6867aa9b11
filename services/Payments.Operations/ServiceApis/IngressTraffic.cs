namespace Payments.Operations.ServiceApis;

/// <summary>The ingress's `GET /admin/traffic`: per source, since the window's (or the ingress process's) start.</summary>
public sealed record IngressTraffic(DateTimeOffset At, DateTimeOffset Since, int Minutes, IReadOnlyList<IngressSourceTraffic> Sources);

/// <summary>Webhooks that reached a source (refused ones included), their rate per minute, refusals by reason.</summary>
public sealed record IngressSourceTraffic(string Source, long Received, double PerMinute, IReadOnlyDictionary<string, long> Rejected);
