using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Matching;

namespace Payments.ServiceDefaults.Security;

/// <summary>
/// Routing, not a filter: on the public listener an operator endpoint is not a candidate at all, so the request answers
/// 404 as for any unknown path (before authentication, which would otherwise tell a caller that something is there).
/// Matched by the connection's local port, never by the Host header (RequireHost), which a caller chooses.
/// </summary>
internal sealed class ManagementListenerPolicy(ManagementListener listener) : MatcherPolicy, IEndpointSelectorPolicy
{
    public override int Order => -1000;

    public bool AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints) =>
        !listener.ServeOperatorsEverywhere
        && (listener.Ports.Count > 0 || endpoints.Any(e => e.Metadata.GetMetadata<OperatorEndpoint>() is not null));

    public Task ApplyAsync(HttpContext httpContext, CandidateSet candidates)
    {
        var onManagement = listener.Ports.Contains(httpContext.Connection.LocalPort);
        for (var i = 0; i < candidates.Count; i++)
        {
            var metadata = candidates[i].Endpoint.Metadata;
            var served = metadata.GetMetadata<OperatorEndpoint>() is not null
                ? onManagement
                : !onManagement || metadata.GetMetadata<EveryListenerEndpoint>() is not null;
            if (!served)
            {
                candidates.SetValidity(i, false);
            }
        }

        return Task.CompletedTask;
    }
}
