using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;
using Payments.ServiceDefaults.Security;

namespace Payments.ServiceDefaults.Health;

public static class HealthEndpoints
{
    /// <summary>Checks tagged "ready" decide readiness (e.g. the broker is reachable); liveness runs no checks.</summary>
    public const string ReadyTag = "ready";

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Anonymous, and answered on the management listener as well as the public one.
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).WithMetadata(EveryListenerEndpoint.Instance);
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = ReadinessResponse.WriteAsync }).WithMetadata(EveryListenerEndpoint.Instance);
        return endpoints;
    }
}
