using Payments.Ingress.Webhooks;

namespace Payments.Ingress.Networks;

/// <summary>
/// Refuses a webhook from outside its source's Ingress:Sources:{name}:AllowedNetworks with 403 problem+json, counted
/// as reason network_not_allowed, before its body is read. It runs before the rate limiter, so strangers cannot use
/// up the provider's own permits. The address is the connection's, or the forwarded one when a known proxy sent it.
/// </summary>
internal sealed partial class AllowedNetworksMiddleware(RequestDelegate next, WebhookIntake intake, ILogger<AllowedNetworksMiddleware> logger)
{
    public const string Reason = "network_not_allowed";

    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.RouteValues["source"] is not string name
            || context.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName != WebhookEndpoints.Name
            || !intake.Sources.TryGet(name, out var source)
            || source.Allows(context.Connection.RemoteIpAddress))
        {
            return next(context);
        }

        intake.Metrics.Received(source.Name);
        LogRefused(source.Name);
        return intake.Reject(source.Name, Reason, StatusCodes.Status403Forbidden, "Forbidden",
            $"Source '{source.Name}' accepts webhooks only from its provider's networks.").ExecuteAsync(context);
    }

    // The address is not logged: it is a stranger's, and the counter says how often this happens.
    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook for {Source} refused: not from an allowed network")]
    private partial void LogRefused(string source);
}
