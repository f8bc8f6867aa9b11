using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Payments.ProviderSimulator.Configuration;
using Payments.ProviderSimulator.Stripe.Objects;
using Payments.ProviderSimulator.Targets;

namespace Payments.ProviderSimulator.Stripe;

/// <summary>
/// /v1/webhook_endpoints (https://docs.stripe.com/api/webhook_endpoints): Stripe receivers with a generated whsec_
/// secret, shown once, in the answer to the create call, on a host in Simulator:AllowedReceiverHosts. Receivers registered through /sim/endpoints with scheme
/// stripe are listed here too; LiqPay and Standard Webhooks ones are not Stripe's to show. Update changes what we
/// need of Stripe's parameters: url, enabled_events and disabled (status "disabled": kept, sent nothing).
/// </summary>
internal static class WebhookEndpointsApi
{
    public static RouteGroupBuilder MapWebhookEndpoints(this RouteGroupBuilder v1)
    {
        v1.MapPost("/webhook_endpoints", CreateAsync).WithName("CreateWebhookEndpoint");
        v1.MapGet("/webhook_endpoints", List).WithName("ListWebhookEndpoints");
        v1.MapGet("/webhook_endpoints/{id}", Retrieve).WithName("RetrieveWebhookEndpoint");
        v1.MapPost("/webhook_endpoints/{id}", UpdateAsync).WithName("UpdateWebhookEndpoint");
        v1.MapDelete("/webhook_endpoints/{id}", Delete).WithName("DeleteWebhookEndpoint");
        return v1;
    }

    internal static async Task<Ok<WebhookEndpointObject>> CreateAsync(
        HttpRequest request, TargetRegistry registry, IOptions<SimulatorOptions> options, CancellationToken cancellationToken)
    {
        var form = await StripeForm.ReadAsync(request, cancellationToken);
        var url = CheckedUrl(form.RequiredString("url"), options.Value);
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

    internal static async Task<Results<Ok<WebhookEndpointObject>, JsonHttpResult<StripeErrorResponse>>> UpdateAsync(
        string id, HttpRequest request, TargetRegistry registry, IOptions<SimulatorOptions> options, CancellationToken cancellationToken)
    {
        if (registry.Find(id) is not { } existing || !IsStripe(existing))
        {
            return StripeErrors.NoSuch("webhook_endpoint", id, "id");
        }

        var form = await StripeForm.ReadAsync(request, cancellationToken);
        var url = form.String("url") is { } given ? CheckedUrl(given, options.Value) : null;
        var enabledEvents = form.Array("enabled_events");
        var disabled = form.Boolean("disabled");
        var updated = registry.Update(id, target => target with
        {
            Url = url ?? target.Url,
            EnabledEvents = enabledEvents.Count > 0 ? enabledEvents : target.EnabledEvents,
            Disabled = disabled ?? target.Disabled,
        });
        return updated is null
            ? StripeErrors.NoSuch("webhook_endpoint", id, "id")
            : TypedResults.Ok(WebhookEndpointObject.From(updated, options.Value.ApiVersion, withSecret: false));
    }

    internal static Results<Ok<DeletedObject>, JsonHttpResult<StripeErrorResponse>> Delete(string id, TargetRegistry registry)
    {
        if (registry.Find(id) is not { } target || !IsStripe(target))
        {
            return StripeErrors.NoSuch("webhook_endpoint", id, "id");
        }

        registry.Remove(id);
        return TypedResults.Ok(new DeletedObject(id, "webhook_endpoint", Deleted: true));
    }

    private static string CheckedUrl(string url, SimulatorOptions options)
    {
        if (!TargetUrls.IsValid(url))
        {
            throw StripeErrors.Invalid("url", "url_invalid", $"Invalid URL: {url}");
        }

        if (ReceiverHosts.Problem(url, ReceiverHosts.Allowed(options)) is { } hostProblem)
        {
            throw StripeErrors.Invalid("url", "url_invalid", $"Invalid URL: {hostProblem}");
        }

        return url;
    }

    private static bool IsStripe(WebhookTarget target) => target.Scheme == WebhookSchemes.Stripe;
}
