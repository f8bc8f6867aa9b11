using Microsoft.AspNetCore.Http.HttpResults;

namespace Payments.Reconciliation.Endpoints;

public static class EndpointsEndpoints
{
    /// <summary>
    /// GET /reconciliation/endpoints: each configured source's registration at its provider as last checked
    /// (every Reconciliation:EndpointCheckInterval). An operator endpoint, like the report.
    /// </summary>
    public static RouteHandlerBuilder MapWebhookEndpointChecks(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/reconciliation/endpoints", Get).WithName("WebhookEndpointChecks");

    internal static Ok<IReadOnlyList<EndpointReport>> Get(EndpointStatuses statuses) => TypedResults.Ok(statuses.All);
}
