using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Payments.ServiceDefaults.Security;
using Payments.Testing.Security;

namespace Payments.Testing.Load;

/// <summary>
/// Customers placing orders and paying at the provider at a steady pace, behaving as real clients do when a service is
/// down: retry with the same Idempotency-Key until it answers. Orders take turns among the lanes (one per source), each
/// placed through an Orders instance of its lane and paid at the simulator of the provider its payment was created
/// at; every lane sees every kind of customer. The chaos suite and the soak drive a <see cref="PaymentsSystem"/> of
/// processes; the compose tests drive the containers through the same customers.
/// </summary>
/// <param name="http">Carries Orders' token (orders:write, orders:read); the provider's calls set their own API key.</param>
public sealed class LoadDriver(IReadOnlyList<LoadLane> lanes, HttpClient http, string providerApiKey) : IDisposable
{
    private readonly HttpClient _http = http;
    private readonly bool _ownsHttp;

    /// <summary>Drives a system of processes with a client of its own, disposed with the driver.</summary>
    public LoadDriver(PaymentsSystem system)
        : this(system.Lanes, new HttpClient
        {
            Timeout = TimeSpan.FromSeconds(10),
            DefaultRequestHeaders = { Authorization = TestTokens.Bearer(ApiAudiences.Orders, Scopes.OrdersWrite, Scopes.OrdersRead) },
        }, PaymentsSystem.ApiKey)
    {
        _ownsHttp = true;
    }

    public ConcurrentBag<PlacedOrder> Orders { get; } = [];

    /// <summary><paramref name="orders"/> orders, one every <paramref name="spacing"/>; done when every customer is.</summary>
    public Task RunAsync(int orders, TimeSpan spacing, CancellationToken cancellationToken) =>
        RunAsync(n => n < orders, spacing, cancellationToken);

    /// <summary>An order every <paramref name="spacing"/> for <paramref name="duration"/>; done when every customer is.</summary>
    public Task RunForAsync(TimeSpan duration, TimeSpan spacing, CancellationToken cancellationToken)
    {
        var until = DateTime.UtcNow + duration;
        return RunAsync(_ => DateTime.UtcNow < until, spacing, cancellationToken);
    }

    /// <summary>An order every <paramref name="spacing"/> until <paramref name="stop"/> or <paramref name="limit"/> orders; done when every customer is.</summary>
    public Task RunUntilAsync(CancellationToken stop, int limit, TimeSpan spacing, CancellationToken cancellationToken) =>
        RunAsync(n => n < limit && !stop.IsCancellationRequested, spacing, cancellationToken);

    private async Task RunAsync(Func<int, bool> more, TimeSpan spacing, CancellationToken cancellationToken)
    {
        var customers = new List<Task>();
        for (var n = 0; more(n); n++)
        {
            customers.Add(ActAsync(n, cancellationToken));
            await Task.Delay(spacing, cancellationToken);
        }

        await Task.WhenAll(customers);
    }

    private async Task ActAsync(int n, CancellationToken cancellationToken)
    {
        var lane = lanes[n % lanes.Count];
        var turn = n / lanes.Count;
        var customer = (Customer)(turn % 4);
        var key = $"load-order-{n}-{Guid.NewGuid():N}";
        var amountMinor = 1000 + n; // in EUR: the order and, where the customer opens it, the payment
        var orders = lane.OrdersUrls[turn % lane.OrdersUrls.Count];
        var id = await RetryAsync(async ct =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"{orders}/orders")
            {
                Content = JsonContent.Create(new { amountMinor, currency = "EUR", customerEmail = $"customer{n}@example.com" }),
            };
            request.Headers.Add("Idempotency-Key", key);
            using var response = await _http.SendAsync(request, ct);
            response.EnsureSuccessStatusCode();
            return (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetGuid();
        }, cancellationToken);

        // Bound to the provider recorded on the order: the instance the customer called creates the payment at its own
        // source, but a deferred CreateOrderPayment runs on whichever Orders instance takes it from the shared queue.
        (lane, var paymentId) = await RetryAsync(async ct =>
        {
            var order = await _http.GetFromJsonAsync<JsonElement>($"{orders}/orders/{id}", ct);
            var payment = order.GetProperty("payment");
            return payment.ValueKind == JsonValueKind.Object && payment.GetProperty("provider").GetString() is { } provider
                ? (lanes.Single(l => l.Provider == provider), payment.GetProperty("paymentId").GetString()!)
                : throw new HttpRequestException("no payment yet");
        }, cancellationToken);

        // At a checkout the customer opens the payment, for the order id recorded as its payment; the simulator's intent is it.
        var intent = lane.PaysAtCheckout
            ? (await ProviderAsync(lane, "/v1/payment_intents", [new("amount", amountMinor.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new("currency", "eur"), new("metadata[order_id]", paymentId)], cancellationToken)).GetProperty("id").GetString()!
            : paymentId;
        switch (customer)
        {
            case Customer.Pays:
                await ConfirmAsync(lane, intent, "pm_card_visa", cancellationToken);
                break;
            case Customer.IsDeclined:
                await ConfirmAsync(lane, intent, "pm_card_chargeDeclined", cancellationToken);
                break;
            case Customer.IsDeclinedThenPays:
                await ConfirmAsync(lane, intent, "pm_card_chargeDeclined", cancellationToken);
                await ConfirmAsync(lane, intent, "pm_card_visa", cancellationToken);
                break;
            case Customer.PaysThenRefunds:
                await ConfirmAsync(lane, intent, "pm_card_visa", cancellationToken);
                await ProviderAsync(lane, "/v1/refunds", [new("payment_intent", intent)], cancellationToken);
                break;
        }

        Orders.Add(new PlacedOrder(id, intent, customer, $"customer{n}@example.com", lane.Source));
    }

    private Task<JsonElement> ConfirmAsync(LoadLane lane, string intent, string paymentMethod, CancellationToken cancellationToken) =>
        ProviderAsync(lane, $"/v1/payment_intents/{intent}/confirm", [new("payment_method", paymentMethod)], cancellationToken);

    /// <summary>A call at the simulator's Stripe API, retried with one Idempotency-Key; a decline (402) is an answer too.</summary>
    private async Task<JsonElement> ProviderAsync(LoadLane lane, string path, KeyValuePair<string, string>[] fields, CancellationToken cancellationToken)
    {
        var key = Guid.NewGuid().ToString();
        return await RetryAsync(async ct =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, lane.SimulatorUrl + path)
            {
                Content = new FormUrlEncodedContent(fields),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", providerApiKey);
            request.Headers.Add("Idempotency-Key", key);
            using var response = await _http.SendAsync(request, ct);
            if (response.StatusCode != HttpStatusCode.PaymentRequired)
            {
                response.EnsureSuccessStatusCode();
            }

            return await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        }, cancellationToken);
    }

    /// <summary>Retries for up to two minutes: long enough to outlast any outage the suites inject or a container replacement.</summary>
    private static async Task<T> RetryAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
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

    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }
}
