using System.Net.Http.Headers;
using System.Text.Json;

namespace Payments.ProviderSimulator.Tests.Stripe;

/// <summary>
/// A deliberately small client written to Stripe's documented wire format (https://docs.stripe.com/api): Bearer
/// authentication with the secret key, form-encoded parameters with brackets, the Idempotency-Key header, JSON
/// answers. Stripe compatibility is checked through it, never through the simulator's own classes.
/// </summary>
public sealed class StripeWireClient(HttpClient http, string apiKey)
{
    public Task<StripeResponse> PostAsync(string path, (string Name, object? Value)[]? parameters = null, string? idempotencyKey = null) =>
        SendRawAsync(HttpMethod.Post, path, StripeFormEncoder.Encode(parameters ?? []), $"Bearer {apiKey}", idempotencyKey);

    public Task<StripeResponse> GetAsync(string path, (string Name, object? Value)[]? parameters = null)
    {
        var query = StripeFormEncoder.Encode(parameters ?? []);
        return SendRawAsync(HttpMethod.Get, query.Length == 0 ? path : $"{path}?{query}", null, $"Bearer {apiKey}", null);
    }

    public Task<StripeResponse> DeleteAsync(string path) => SendRawAsync(HttpMethod.Delete, path, null, $"Bearer {apiKey}", null);

    /// <summary>Any request, spelled out: for what the typed calls do not send (other auth, raw bodies).</summary>
    public async Task<StripeResponse> SendRawAsync(HttpMethod method, string path, string? formBody, string? authorization, string? idempotencyKey)
    {
        using var request = new HttpRequestMessage(method, path);
        if (authorization is not null)
        {
            request.Headers.Authorization = AuthenticationHeaderValue.Parse(authorization);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        if (formBody is not null)
        {
            request.Content = StripeFormEncoder.Content(formBody);
        }

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var document = JsonDocument.Parse(text.Length == 0 ? "null" : text);
        return new StripeResponse(response.StatusCode, document.RootElement.Clone(), response.Headers);
    }
}
