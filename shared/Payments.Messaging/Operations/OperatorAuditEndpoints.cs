using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Payments.Messaging.Operations;

public static class OperatorAuditEndpoints
{
    /// <summary>GET /admin/audit?limit=100: the newest operator actions first. Protect it with RequireOperator().</summary>
    public static RouteGroupBuilder MapOperatorAudit(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/admin/audit");
        group.MapGet("/", ListAsync).WithName("ListOperatorAudit");
        return group;
    }

    private static async Task<Ok<List<AuditEntry>>> ListAsync(OperatorAudit audit, int? limit, CancellationToken cancellationToken) =>
        TypedResults.Ok(await audit.ListAsync(Math.Clamp(limit ?? 100, 1, 1000), cancellationToken));
}
