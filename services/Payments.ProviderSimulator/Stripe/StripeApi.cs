using Microsoft.AspNetCore.Http.HttpResults;
using Payments.ProviderSimulator.Faults;
using Payments.ProviderSimulator.Stripe.Idempotency;

namespace Payments.ProviderSimulator.Stripe;

/// <summary>
/// The Stripe-compatible surface under /v1, and nothing simulator-specific in it, so Stripe's own client libraries
/// work when pointed here. Filters, outermost first: authentication (401), parameter errors (400), injected API
/// faults (500/429, before anything runs), idempotency (replay or run and save).
/// </summary>
internal static class StripeApi
{
    public static IEndpointRouteBuilder MapStripeApi(this IEndpointRouteBuilder endpoints)
    {
        var v1 = endpoints.MapGroup("/v1");
        v1.AddEndpointFilter<StripeAuthFilter>();
        v1.AddEndpointFilter<InvalidRequestFilter>();
        v1.AddEndpointFilter(new ApiFaultFilter(StripeErrors.Injected));
        v1.AddEndpointFilter<IdempotencyFilter>();

        v1.MapPaymentIntents();
        v1.MapCharges();
        v1.MapRefunds();
        v1.MapWebhookEndpoints();
        v1.MapFallback(Unrecognized).WithName("StripeUnrecognizedUrl");
        return endpoints;
    }

    internal static JsonHttpResult<StripeErrorResponse> Unrecognized(HttpRequest request) => StripeErrors.Result(
        StatusCodes.Status404NotFound,
        new StripeError("invalid_request_error", $"Unrecognized request URL ({request.Method}: {request.Path}). Please see https://stripe.com/docs."));
}
