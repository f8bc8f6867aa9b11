using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Payments.ProviderSimulator.Configuration;
using Payments.ProviderSimulator.Stripe.Objects;
using Payments.ProviderSimulator.Targets;

namespace Payments.ProviderSimulator.Stripe;

/// <summary>
/// /v1/webhook_endpoints (https://docs.stripe.com/api/webhook_endpoints): Stripe receivers with a generated whsec_
/// secret, shown once, in the answer to the create call, on a host in Simulator:AllowedReceiverHosts. Receivers registered through /sim/endpoints with scheme
/// stripe are listed here too; LiqPay and Standard Webhooks ones are not Stripe's to show.
/// </summary>
internal static class WebhookEndpointsApi
{
    public static RouteGroupBuilder MapWebhookEndpoints(this RouteGroupBuilder v1)
    {
        v1.MapPost("/webhook_endpoints", CreateAsync).WithName("CreateWebhookEndpoint");
        v1.MapGet("/webhook_endpoints", List).WithName("ListWebhookEndpoints");
        v1.MapGet("/webhook_endpoints/{id}", Retrieve).WithName("RetrieveWebhookEndpoint");
        v1.MapDelete("/webhook_endpoints/{id}", Delete).WithName("DeleteWebhookEndpoint");
        return v1;
    }

    internal static async Task<Ok<WebhookEndpointObject>> CreateAsync(
        HttpRequest request, TargetRegistry registry, IOptions<SimulatorOptions> options, CancellationToken cancellationToken)
    {
        var form = await StripeForm.ReadAsync(request, cancellationToken);
        var url = form.RequiredString("url");
        if (!TargetUrls.IsValid(url))
        {
            throw StripeErrors.Invalid("url", "url_invalid", $"Invalid URL: {url}");
        }

        if (ReceiverHosts.Problem(url, ReceiverHosts.Allowed(options.Value)) is { } hostProblem)
        {
            throw StripeErrors.Invalid("url", "url_invalid", $"Invalid URL: {hostProblem}");
        }

        var enabledEvents = form.Array("enabled_events");
        if (enabledEvents.Count == 0)
        {
            throw StripeErrors.Missing("enabled_events");
        }

        var target = registry.Add(new NewTarget(
            WebhookSchemes.Stripe, url, null, enabledEvents, form.String("description"), form.Hash("metadata"), TargetOrigin.StripeApi));
        return TypedResults.Ok(WebhookEndpointObject.From(target, options.Value.ApiVersion, withSecret: true));
    }

    internal static Ok<StripeList<WebhookEndpointObject>> List(TargetRegistry registry, IOptions<SimulatorOptions> options) =>
        TypedResults.Ok(new StripeList<WebhookEndpointObject>(
            registry.All.Where(IsStripe).Reverse().Select(t => WebhookEndpointObject.From(t, options.Value.ApiVersion, withSecret: false)).ToList(),
            HasMore: false,
            "/v1/webhook_endpoints"));

    internal static Results<Ok<WebhookEndpointObject>, JsonHttpResult<StripeErrorResponse>> Retrieve(
        string id, TargetRegistry registry, IOptions<SimulatorOptions> options) =>
        registry.Find(id) is { } target && IsStripe(target)
            ? TypedResults.Ok(WebhookEndpointObject.From(target, options.Value.ApiVersion, withSecret: false))
            : StripeErrors.NoSuch("webhook_endpoint", id, "id");

    internal static Results<Ok<DeletedObject>, JsonHttpResult<StripeErrorResponse>> Delete(string id, TargetRegistry registry)
    {
        if (registry.Find(id) is not { } target || !IsStripe(target))
        {
            return StripeErrors.NoSuch("webhook_endpoint", id, "id");
        }

        registry.Remove(id);
        return TypedResults.Ok(new DeletedObject(id, "webhook_endpoint", Deleted: true));
    }

    private static bool IsStripe(WebhookTarget target) => target.Scheme == WebhookSchemes.Stripe;
}
