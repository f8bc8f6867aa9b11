using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Payments.Testing.Services;

namespace Payments.Reconciliation.Tests.Infrastructure;

/// <summary>The provider simulator as a real process, and what the tests do with it: Stripe's API and the /sim controls.</summary>
public sealed class Simulator : IAsyncDisposable
{
    private static readonly JsonSerializerOptions SnakeCase = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private readonly HttpClient _http;
    private readonly HttpClient _controls;

    private Simulator(ServiceProcess process)
    {
        Process = process;
        _http = new HttpClient { BaseAddress = new Uri(process.BaseUrl) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Keys.ApiKey);
        _controls = new HttpClient { BaseAddress = new Uri(process.BaseUrl) };
        _controls.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Keys.SimulatorAdminKey);
    }

    public ServiceProcess Process { get; }

    public string BaseUrl => Process.BaseUrl;

    public static async Task<Simulator> StartAsync()
    {
        var process = new ServiceProcess("Payments.ProviderSimulator")
            .With("Simulator:AllowOutsideDevelopment", "true")
            .With("Simulator:ApiKeys:0", Keys.ApiKey)
            .With("Simulator:AdminKeys:0", Keys.SimulatorAdminKey)
            .With("Simulator:LiqPay:PublicKey", Keys.LiqPayPublicKey)
            .With("Simulator:LiqPay:PrivateKey", Keys.LiqPayPrivateKey)
            // Stripe's retry schedule (first retry after a minute) compressed a thousandfold.
            .With("Simulator:TimeScale", "0.001")
            .With("Logging:LogLevel:Default", "Warning");
        await process.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        return new Simulator(process);
    }

    public async Task RegisterStripeEndpointAsync(string url, string secret)
    {
        var response = await _controls.PostAsJsonAsync("/sim/endpoints", new { scheme = "stripe", url, secret }, SnakeCase, Token);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Replaces every fault setting (a field left out is off).</summary>
    public async Task SetFaultsAsync(double dropRate = 0, double apiErrorRate = 0, int? seed = null)
    {
        var response = await _controls.PutAsJsonAsync("/sim/faults", new { drop_rate = dropRate, api_error_rate = apiErrorRate, seed }, SnakeCase, Token);
        response.EnsureSuccessStatusCode();
    }

    public async Task<JsonElement> StatsAsync() => await _controls.GetFromJsonAsync<JsonElement>("/sim/stats", SnakeCase, Token);

    public async Task<string> CreateIntentAsync(long amount, string currency, Guid? orderId = null)
    {
        var form = new Dictionary<string, string> { ["amount"] = amount.ToString(CultureInfo.InvariantCulture), ["currency"] = currency.ToLowerInvariant() };
        if (orderId is { } id)
        {
            form["metadata[order_id]"] = id.ToString();
        }

        var response = await _http.PostAsync("/v1/payment_intents", new FormUrlEncodedContent(form), Token);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("id").GetString()!;
    }

    /// <summary>Confirms with a Stripe test card: pm_card_visa succeeds, pm_card_chargeDeclined answers 402.</summary>
    public async Task ConfirmAsync(string paymentId, string paymentMethod)
    {
        var response = await _http.PostAsync($"/v1/payment_intents/{paymentId}/confirm",
            new FormUrlEncodedContent([new("payment_method", paymentMethod)]), Token);
        if (!response.IsSuccessStatusCode && response.StatusCode != HttpStatusCode.PaymentRequired)
        {
            throw new HttpRequestException($"Confirm {paymentId}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Token)}");
        }
    }

    public async Task RefundAsync(string paymentId)
    {
        var response = await _http.PostAsync("/v1/refunds", new FormUrlEncodedContent([new("payment_intent", paymentId)]), Token);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>POST /v1/webhook_endpoints, as the provider's API is used to register one; returns its id.</summary>
    public async Task<string> CreateWebhookEndpointAsync(string url, params string[] events)
    {
        var form = new List<KeyValuePair<string, string>> { new("url", url) };
        form.AddRange(events.Select(e => new KeyValuePair<string, string>("enabled_events[]", e)));
        var response = await _http.PostAsync("/v1/webhook_endpoints", new FormUrlEncodedContent(form), Token);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("id").GetString()!;
    }

    /// <summary>GET /v1/webhook_endpoints: the endpoints as the provider's API lists them (Stripe's list object's data).</summary>
    public async Task<IReadOnlyList<JsonElement>> ListWebhookEndpointsAsync()
    {
        var list = await _http.GetFromJsonAsync<JsonElement>("/v1/webhook_endpoints", Token);
        return [.. list.GetProperty("data").EnumerateArray()];
    }

    /// <summary>POST /v1/webhook_endpoints/{id} with disabled=true|false; returns the endpoint's status.</summary>
    public async Task<string> SetWebhookEndpointDisabledAsync(string id, bool disabled)
    {
        var response = await _http.PostAsync($"/v1/webhook_endpoints/{id}",
            new FormUrlEncodedContent([new("disabled", disabled ? "true" : "false")]), Token);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("status").GetString()!;
    }

    public async Task DeleteWebhookEndpointAsync(string id) => (await _http.DeleteAsync($"/v1/webhook_endpoints/{id}", Token)).EnsureSuccessStatusCode();

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        _controls.Dispose();
        await Process.DisposeAsync();
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;
}
