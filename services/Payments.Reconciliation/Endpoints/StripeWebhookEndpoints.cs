using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Payments.Reconciliation.Providers;
using Payments.Reconciliation.Providers.Stripe;

namespace Payments.Reconciliation.Endpoints;

/// <summary>
/// The provider's webhook endpoints API (https://docs.stripe.com/api/webhook_endpoints): list them for the check,
/// create one for the registration command. Bearer key as for payments.
/// </summary>
public sealed class StripeWebhookEndpoints(HttpClient http, IOptions<ProviderOptions> options)
{
    /// <summary>Stripe allows 16 endpoints per account; ten full pages is far beyond that and still bounds the work.</summary>
    private const int MaxPages = 10;

    private const int PageSize = 100;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public string Provider => options.Value.Name;

    public async Task<IReadOnlyList<RegisteredEndpoint>> ListAsync(CancellationToken cancellationToken)
    {
        var all = new List<RegisteredEndpoint>();
        string? after = null;
        for (var page = 0; page < MaxPages; page++)
        {
            using var request = Request(HttpMethod.Get,
                $"v1/webhook_endpoints?limit={PageSize}" + (after is null ? "" : $"&starting_after={Uri.EscapeDataString(after)}"));
            var list = await ProviderHttp.SendAsync<StripeList<RegisteredEndpoint>>(http, request, Json, options.Value.MaxResponseBytes, cancellationToken)
                ?? throw new ProviderRejectedException("The webhook endpoints list answered 404.");
            all.AddRange(list.Data);
            if (!list.HasMore || list.Data.Count == 0)
            {
                break;
            }

            after = list.Data[^1].Id;
        }

        return all;
    }

    /// <summary>Creates an endpoint tagged with our source; the answer carries its signing secret, shown this once.</summary>
    public async Task<RegisteredEndpoint> CreateAsync(string source, string url, IReadOnlyList<string> events, CancellationToken cancellationToken)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("url", url),
            new("description", $"Payments webhook source {source}"),
            new($"metadata[{RegisteredEndpoint.SourceKey}]", source),
        };
        form.AddRange(events.Select(e => new KeyValuePair<string, string>("enabled_events[]", e)));
        using var request = Request(HttpMethod.Post, "v1/webhook_endpoints");
        request.Content = new FormUrlEncodedContent(form);
        // A retried create must not leave two endpoints (https://docs.stripe.com/api/idempotent_requests).
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return await ProviderHttp.SendAsync<RegisteredEndpoint>(http, request, Json, options.Value.MaxResponseBytes, cancellationToken)
            ?? throw new ProviderRejectedException("Creating the webhook endpoint answered 404.");
    }

    private HttpRequestMessage Request(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Value.ApiKey);
        return request;
    }
}
