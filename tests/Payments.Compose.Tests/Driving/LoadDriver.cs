using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Payments.Compose.Tests.Compose;

namespace Payments.Compose.Tests.Driving;

/// <summary>
/// Customers placing orders through the Orders API and paying at the provider at a steady pace, as tools/Payments.Demo
/// does; while a service is being replaced they behave as real clients do: retry with the same Idempotency-Key until it
/// answers. The provider then tells the ingress by signed webhooks.
/// </summary>
public sealed class LoadDriver(string ordersUrl, Provider provider)
{
    private static readonly TimeSpan RetryFor = TimeSpan.FromMinutes(2);
    // Orders' token by default; the provider's calls set their own API key.
    private readonly HttpClient _http = ComposeTokens.ClientHttp(TimeSpan.FromSeconds(10));

    /// <summary>Orders that Orders acknowledged and whose customer finished acting.</summary>
    public ConcurrentBag<PlacedOrder> Orders { get; } = [];

    /// <summary>Starts a customer every <paramref name="spacing"/> until <paramref name="stop"/> (or <paramref name="limit"/> customers), then waits for them all.</summary>
    public async Task RunAsync(TimeSpan spacing, int limit, CancellationToken stop, CancellationToken cancellationToken)
    {
        var customers = new List<Task>();
        for (var n = 0; n < limit && !stop.IsCancellationRequested; n++)
        {
            customers.Add(ActAsync(n, cancellationToken));
            await Task.Delay(spacing, cancellationToken); // the pace of the load, not a wait for an effect
        }

        await Task.WhenAll(customers);
    }

    private async Task ActAsync(int n, CancellationToken cancellationToken)
    {
        var customer = (Customer)(n % 4);
        var key = $"compose-order-{n}-{Guid.NewGuid():N}";
        var id = await RetryAsync(async ct =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"{ordersUrl}/orders")
            {
                Content = JsonContent.Create(new { amountMinor = 1000 + n, currency = "EUR", customerEmail = $"customer{n}@example.com" }),
            };
            request.Headers.Add("Idempotency-Key", key);
            using var response = await _http.SendAsync(request, ct);
            response.EnsureSuccessStatusCode();
            return (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetGuid();
        }, cancellationToken);

        var paymentId = await RetryAsync(async ct =>
        {
            var order = await _http.GetFromJsonAsync<JsonElement>($"{ordersUrl}/orders/{id}", ct);
            var payment = order.GetProperty("payment");
            return payment.ValueKind == JsonValueKind.Object ? payment.GetProperty("paymentId").GetString()! : throw new HttpRequestException("no payment yet");
        }, cancellationToken);

        switch (customer)
        {
            case Customer.Pays:
                await ProviderAsync($"/v1/payment_intents/{paymentId}/confirm", "payment_method", "pm_card_visa", cancellationToken);
                break;
            case Customer.IsDeclined:
                await ProviderAsync($"/v1/payment_intents/{paymentId}/confirm", "payment_method", "pm_card_chargeDeclined", cancellationToken);
                break;
            case Customer.IsDeclinedThenPays:
                await ProviderAsync($"/v1/payment_intents/{paymentId}/confirm", "payment_method", "pm_card_chargeDeclined", cancellationToken);
                await ProviderAsync($"/v1/payment_intents/{paymentId}/confirm", "payment_method", "pm_card_visa", cancellationToken);
                break;
            case Customer.PaysThenRefunds:
                await ProviderAsync($"/v1/payment_intents/{paymentId}/confirm", "payment_method", "pm_card_visa", cancellationToken);
                await ProviderAsync("/v1/refunds", "payment_intent", paymentId, cancellationToken);
                break;
        }

        Orders.Add(new PlacedOrder(id, paymentId, customer));
    }

    private async Task ProviderAsync(string path, string field, string value, CancellationToken cancellationToken)
    {
        var key = Guid.NewGuid().ToString();
        await RetryAsync(async ct =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, provider.Url + path)
            {
                Content = new FormUrlEncodedContent([new(field, value)]),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Provider.ApiKey);
            request.Headers.Add("Idempotency-Key", key);
            using var response = await _http.SendAsync(request, ct);
            if (response.StatusCode != HttpStatusCode.PaymentRequired)
            {
                response.EnsureSuccessStatusCode();
            }

            return true;
        }, cancellationToken);
    }

    /// <summary>Retries for up to two minutes: longer than a container replacement takes.</summary>
    private static async Task<T> RetryAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + RetryFor;
        while (true)
        {
            try
            {
                return await call(cancellationToken);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && DateTime.UtcNow < deadline && !cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(300, cancellationToken);
            }
        }
    }
}
