using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Payments.Demo;

/// <summary>The HTTP calls the demo makes: Orders' API, the simulator's Stripe-compatible API and controls, Notifications' API.</summary>
internal sealed class DemoApis(HttpClient http, DemoOptions options)
{
    public async Task<(Guid Id, string? PaymentId)> CreateOrderAsync(long amountMinor, string currency, string email, CancellationToken cancellationToken)
    {
        using var request = Authorized(HttpMethod.Post, $"{options.OrdersUrl}/orders", options.ClientToken);
        request.Content = JsonContent.Create(new { amountMinor, currency, customerEmail = email });
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        using var order = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        var payment = order.RootElement.GetProperty("payment");
        return (order.RootElement.GetProperty("id").GetGuid(), payment.ValueKind == JsonValueKind.Object ? payment.GetProperty("paymentId").GetString() : null);
    }

    public async Task<JsonDocument> GetOrderAsync(Guid id, CancellationToken cancellationToken)
    {
        using var request = Authorized(HttpMethod.Get, $"{options.OrdersUrl}/orders/{id}", options.ClientToken);
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
    }

    /// <returns>true when the provider accepted the card, false when it declined it (402).</returns>
    public async Task<bool> ConfirmAsync(string paymentId, string paymentMethod, CancellationToken cancellationToken)
    {
        using var response = await StripeAsync($"/v1/payment_intents/{paymentId}/confirm", [new("payment_method", paymentMethod)], cancellationToken);
        return response.StatusCode == HttpStatusCode.PaymentRequired ? false : response.EnsureSuccessStatusCode() is not null;
    }

    public async Task RefundAsync(string paymentId, CancellationToken cancellationToken)
    {
        using var response = await StripeAsync("/v1/refunds", [new("payment_intent", paymentId)], cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public async Task<JsonDocument> SimulatorStatsAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{options.SimulatorUrl}/sim/stats");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.AdminKey);
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
    }

    /// <summary>Notifications' states for an order (empty when the service is not reachable).</summary>
    public async Task<List<(string State, DateTimeOffset? SentAt)>> NotificationsAsync(Guid orderId, CancellationToken cancellationToken)
    {
        try
        {
            using var request = Authorized(HttpMethod.Get, $"{options.NotificationsUrl}/notifications?orderId={orderId}", options.OpsToken);
            using var response = await http.SendAsync(request, cancellationToken);
            response.EnsureSuccessStatusCode();
            using var list = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            var items = list.RootElement.ValueKind == JsonValueKind.Array ? list.RootElement : list.RootElement.GetProperty("items");
            return [.. items.EnumerateArray().Select(n => (
                n.GetProperty("state").GetString() ?? "",
                n.TryGetProperty("sentAt", out var sent) && sent.ValueKind == JsonValueKind.String ? sent.GetDateTimeOffset() : (DateTimeOffset?)null))];
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or KeyNotFoundException)
        {
            return [];
        }
    }

    private static HttpRequestMessage Authorized(HttpMethod method, string url, string? token)
    {
        var request = new HttpRequestMessage(method, url);
        if (!string.IsNullOrEmpty(token))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }

    private async Task<HttpResponseMessage> StripeAsync(string path, KeyValuePair<string, string>[] form, CancellationToken cancellationToken)
    {
        // The simulator injects API errors when asked to: retry like a real Stripe client would (same Idempotency-Key).
        var key = Guid.NewGuid().ToString();
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, options.SimulatorUrl + path) { Content = new FormUrlEncodedContent(form) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.ApiKey);
            request.Headers.Add("Idempotency-Key", key);
            var response = await http.SendAsync(request, cancellationToken);
            if ((int)response.StatusCode < 500 && response.StatusCode != HttpStatusCode.TooManyRequests || attempt == 5)
            {
                return response;
            }

            response.Dispose();
            await Task.Delay(200 * attempt, cancellationToken);
        }
    }
}
