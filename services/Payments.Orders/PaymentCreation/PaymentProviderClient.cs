using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.Options;

namespace Payments.Orders.PaymentCreation;

/// <summary>
/// Creates PaymentIntents over Stripe's wire format (https://docs.stripe.com/api/payment_intents/create): form-encoded,
/// Bearer key, and an Idempotency-Key per order, so the inline attempt and any retry from the outbox create the same
/// intent at the provider (https://docs.stripe.com/api/idempotent_requests).
/// </summary>
public sealed class PaymentProviderClient(HttpClient http, IOptions<ProviderOptions> options) : IPaymentCreator
{
    public string Provider => options.Value.RecordedName;

    public async Task<string> CreateAsync(Guid orderId, long amountMinor, string currency, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/payment_intents")
        {
            Content = new FormUrlEncodedContent(
            [
                new("amount", amountMinor.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new("currency", currency.ToLowerInvariant()),
                new("metadata[order_id]", orderId.ToString()),
            ]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Value.ApiKey);
        request.Headers.Add("Idempotency-Key", $"order-{orderId}");

        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"The provider answered {(int)response.StatusCode} creating a payment intent.", null, response.StatusCode);
        }

        var intent = await response.Content.ReadFromJsonAsync<PaymentIntentResponse>(cancellationToken);
        return intent?.Id is { Length: > 0 } id ? id : throw new HttpRequestException("The provider's payment intent has no id.");
    }

    private sealed record PaymentIntentResponse(string Id);
}
