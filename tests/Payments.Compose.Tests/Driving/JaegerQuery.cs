using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Payments.Compose.Tests.Driving;

/// <summary>
/// Jaeger's query API (the one its UI reads, on port 16686): the services that reported spans, a service's newest
/// traces, one trace by id. The stand-in image answers the same subset.
/// </summary>
public sealed class JaegerQuery(string baseUrl)
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public async Task<IReadOnlyList<string>> ServicesAsync(CancellationToken cancellationToken)
    {
        var body = await _http.GetFromJsonAsync<JsonElement>($"{baseUrl}/api/services", cancellationToken);
        return body.GetProperty("data") is { ValueKind: JsonValueKind.Array } data ? [.. data.EnumerateArray().Select(s => s.GetString()!)] : [];
    }

    /// <summary>The service's newest traces of the last hour.</summary>
    public async Task<IReadOnlyList<JaegerTrace>> TracesAsync(string service, int limit, CancellationToken cancellationToken)
    {
        var end = DateTimeOffset.UtcNow.AddMinutes(1);
        var start = end.AddHours(-1);
        var query = $"service={Uri.EscapeDataString(service)}&limit={limit.ToString(CultureInfo.InvariantCulture)}&start={Micros(start)}&end={Micros(end)}";
        return Parse(await _http.GetFromJsonAsync<JsonElement>($"{baseUrl}/api/traces?{query}", cancellationToken));
    }

    public async Task<JaegerTrace?> TraceAsync(string traceId, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync($"{baseUrl}/api/traces/{traceId}", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
            return null;
        response.EnsureSuccessStatusCode();
        return Parse(await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).SingleOrDefault();
    }

    private static string Micros(DateTimeOffset at) => (at.ToUnixTimeMilliseconds() * 1000).ToString(CultureInfo.InvariantCulture);

    private static List<JaegerTrace> Parse(JsonElement body) =>
        body.GetProperty("data") is { ValueKind: JsonValueKind.Array } data ? [.. data.EnumerateArray().Select(ParseTrace)] : [];

    private static JaegerTrace ParseTrace(JsonElement trace)
    {
        var services = trace.GetProperty("processes").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.GetProperty("serviceName").GetString()!);
        var spans = trace.GetProperty("spans").EnumerateArray().Select(s => new JaegerSpan(
            s.GetProperty("traceID").GetString()!,
            s.GetProperty("spanID").GetString()!,
            s.GetProperty("operationName").GetString()!,
            services.GetValueOrDefault(s.GetProperty("processID").GetString()!, "?"),
            s.TryGetProperty("references", out var references) && references.ValueKind == JsonValueKind.Array
                ? [.. references.EnumerateArray().Where(r => r.GetProperty("refType").GetString() == "CHILD_OF").Select(r => r.GetProperty("spanID").GetString()!)]
                : [],
            s.TryGetProperty("tags", out var tags) && tags.ValueKind == JsonValueKind.Array
                ? tags.EnumerateArray().GroupBy(t => t.GetProperty("key").GetString()!).ToDictionary(g => g.Key, g => Text(g.First().GetProperty("value")))
                : new Dictionary<string, string>())).ToList();
        return new JaegerTrace(trace.GetProperty("traceID").GetString()!, spans);
    }

    private static string Text(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
}
