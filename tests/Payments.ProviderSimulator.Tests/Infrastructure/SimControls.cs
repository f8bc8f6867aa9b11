using System.Net.Http.Json;
using System.Text.Json;

namespace Payments.ProviderSimulator.Tests.Infrastructure;

/// <summary>The simulator's /sim controls, as a test drives them (snake_case JSON), through a client carrying an admin key.</summary>
public sealed class SimControls(HttpClient http)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public async Task<JsonElement> RegisterEndpointAsync(string scheme, string url, string? secret = null, string[]? enabledEvents = null)
    {
        var response = await http.PostAsJsonAsync("/sim/endpoints", new { scheme, url, secret, enabled_events = enabledEvents }, Json);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>(Json);
    }

    public async Task PutFaultsAsync(object settings)
    {
        var response = await http.PutAsJsonAsync("/sim/faults", settings, Json);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>GET /sim/deliveries with a query such as "payment_intent=pi_…".</summary>
    public async Task<IReadOnlyList<JsonElement>> DeliveriesAsync(string query) =>
        await http.GetFromJsonAsync<List<JsonElement>>($"/sim/deliveries?{query}", Json) ?? [];

    public async Task<JsonElement> StatsAsync() => await http.GetFromJsonAsync<JsonElement>("/sim/stats", Json);

    /// <summary>GET /sim/endpoints as sent: the raw text, so a test can look for what must not be in it.</summary>
    public async Task<string> EndpointsTextAsync(string path = "/sim/endpoints") =>
        await http.GetStringAsync(path, TestContext.Current.CancellationToken);
}
