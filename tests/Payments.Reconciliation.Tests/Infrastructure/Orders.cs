using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Payments.ServiceDefaults.Security;
using Payments.Testing;
using Payments.Testing.Security;
using Payments.Testing.Services;

namespace Payments.Reconciliation.Tests.Infrastructure;

/// <summary>The Orders process, through its HTTP API.</summary>
public sealed class Orders(ServiceProcess process) : IAsyncDisposable
{
    private readonly HttpClient _http = new()
    {
        BaseAddress = new Uri(process.BaseUrl),
        DefaultRequestHeaders = { Authorization = TestTokens.Bearer(ApiAudiences.Orders, Scopes.OrdersWrite, Scopes.OrdersRead) },
    };

    public ServiceProcess Process => process;

    /// <summary>Creates an order and waits until its payment exists at the provider; returns (order id, payment id).</summary>
    public async Task<(Guid OrderId, string PaymentId)> CreateAsync(long amountMinor = 4200, string currency = "EUR")
    {
        var response = await _http.PostAsJsonAsync("/orders", new { amountMinor, currency, customerEmail = "customer@example.com" }, Token);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Token));
        var order = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
        var id = order.GetProperty("id").GetGuid();
        var payment = order.GetProperty("payment").ValueKind == JsonValueKind.Object
            ? order
            : await Eventually.ValueAsync(() => GetAsync(id), o => o.GetProperty("payment").ValueKind == JsonValueKind.Object,
                TimeSpan.FromSeconds(30), $"order {id} to have its payment", Token);
        return (id, payment.GetProperty("payment").GetProperty("paymentId").GetString()!);
    }

    public async Task<JsonElement> GetAsync(Guid orderId) => await _http.GetFromJsonAsync<JsonElement>($"/orders/{orderId}", Token);

    public async Task<string> StatusAsync(Guid orderId) => (await GetAsync(orderId)).GetProperty("status").GetString()!;

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await process.DisposeAsync();
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;
}
