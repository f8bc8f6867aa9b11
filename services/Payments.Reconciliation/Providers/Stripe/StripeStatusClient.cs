using System.Globalization;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Payments.Reconciliation.Providers.Stripe;

/// <summary>
/// Stripe's wire format (https://docs.stripe.com/api): retrieve a PaymentIntent, and for a succeeded one its latest
/// charge (a refund shows only there); list intents by creation time for the report. Bearer key; retries, timeouts
/// and the circuit breaker are the client's resilience handler (<see cref="ProviderResilience"/>).
/// </summary>
internal sealed class StripeStatusClient(HttpClient http, IOptions<ProviderOptions> options)
    : IPaymentStatusClient, IPaymentLister
{
    private const int PageSize = 100;

    // A field missing, null where it may not be, or of another type is a JsonException: the answer is refused.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, RespectRequiredConstructorParameters = true, RespectNullableAnnotations = true,
    };

    public string Provider => options.Value.Name;

    public async Task<ProviderPayment> GetAsync(PaymentReference payment, CancellationToken cancellationToken)
    {
        var intent = await GetAsync<StripePaymentIntent>($"v1/payment_intents/{Uri.EscapeDataString(payment.PaymentId)}", cancellationToken);
        if (intent is null)
        {
            return ProviderPayment.Missing(payment.PaymentId);
        }

        if (intent.Id != payment.PaymentId)
        {
            throw new ProviderRejectedException("The provider answered another payment intent than the one asked about.");
        }

        var charge = intent is { Status: "succeeded", LatestCharge: { } chargeId }
            ? await GetAsync<StripeCharge>($"v1/charges/{Uri.EscapeDataString(chargeId)}", cancellationToken)
            : null;
        if (charge is not null && charge.Id != intent.LatestCharge)
        {
            throw new ProviderRejectedException("The provider answered another charge than the intent's latest.");
        }

        return StripeStatuses.ToPayment(intent, charge);
    }

    /// <summary>
    /// Intents created in the window, newest first, paging with starting_after (https://docs.stripe.com/api/pagination).
    /// Statuses come from the intents alone: refunds are not in a list page. A listing longer than Provider:MaxListPages,
    /// or whose cursor comes round again, is refused: a report on part of the window would be wrong, not short.
    /// </summary>
    public async IAsyncEnumerable<ProviderPayment> ListCreatedAsync(DateTimeOffset from, DateTimeOffset to, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var cursors = new HashSet<string>(StringComparer.Ordinal);
        string? after = null;
        for (var pages = 1; ; pages++)
        {
            var query = $"v1/payment_intents?limit={PageSize}&created[gte]={from.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}"
                + $"&created[lte]={to.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}"
                + (after is null ? "" : $"&starting_after={Uri.EscapeDataString(after)}");
            var page = await GetAsync<StripeList<StripePaymentIntent>>(query, cancellationToken)
                ?? throw new ProviderRejectedException("The payment intents list answered 404.");
            foreach (var intent in page.Data)
            {
                yield return StripeStatuses.ToPayment(intent, latestCharge: null);
            }

            if (!page.HasMore || page.Data.Count == 0)
            {
                yield break;
            }

            if (pages >= options.Value.MaxListPages)
            {
                throw new ProviderRejectedException($"The payment intents list has more than Provider:MaxListPages ({options.Value.MaxListPages}) pages.");
            }

            after = page.Data[^1].Id;
            if (!cursors.Add(after))
            {
                throw new ProviderRejectedException("The payment intents list came round to a page it had answered before (its cursor did not advance).");
            }
        }
    }

    private async Task<T?> GetAsync<T>(string path, CancellationToken cancellationToken) where T : class
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Value.ApiKey);
        return await ProviderHttp.SendAsync<T>(http, request, Json, options.Value.MaxResponseBytes, cancellationToken);
    }
}
