using Microsoft.AspNetCore.Http.HttpResults;
using Payments.Operations.ServiceApis;
using Payments.ServiceDefaults.Security;

namespace Payments.Operations.Parked;

public static class ParkedEndpoints
{
    public static RouteGroupBuilder MapParked(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/parked");
        group.MapGet("/", ListAsync).WithName("ListParked");
        group.MapPost("/{service}/{id:guid}/requeue", RequeueAsync).WithName("RequeueParked");
        group.MapPost("/{service}/{id:guid}/resend", ResendAsync).WithName("ResendParked");
        return group;
    }

    internal static async Task<Ok<ParkedList>> ListAsync(int? limit, ParkedCollector collector, CancellationToken cancellationToken) =>
        TypedResults.Ok(await collector.CollectAsync(Math.Clamp(limit ?? 100, 1, 1000), cancellationToken));

    /// <summary>A parked outbox row of Orders or Reconciliation back to its outbox; the owning service decides and audits it too.</summary>
    internal static async Task<Results<NoContent, ProblemHttpResult>> RequeueAsync(
        string service, Guid id, OrdersApi orders, ReconciliationApi reconciliation, HttpContext context, CancellationToken cancellationToken)
    {
        var call = service switch
        {
            ParkedServices.Orders => orders.RequeueAsync(id, cancellationToken),
            ParkedServices.Reconciliation => reconciliation.RequeueAsync(id, cancellationToken),
            _ => null,
        };
        if (call is null)
        {
            return TypedResults.Problem($"Outbox rows are requeued at {ParkedServices.Orders} or {ParkedServices.Reconciliation}, not \"{service}\".",
                statusCode: StatusCodes.Status400BadRequest, title: "Unknown service");
        }

        return Answer(await call, context);
    }

    /// <summary>A parked notification sent again (same Message-ID); Notifications refuses one that is not parked (409).</summary>
    internal static async Task<Results<NoContent, ProblemHttpResult>> ResendAsync(
        string service, Guid id, NotificationsApi notifications, HttpContext context, CancellationToken cancellationToken)
    {
        if (service != ParkedServices.Notifications)
        {
            return TypedResults.Problem($"Only {ParkedServices.Notifications} resends; \"{service}\" requeues.",
                statusCode: StatusCodes.Status400BadRequest, title: "Unknown service");
        }

        return Answer(await notifications.ResendAsync(id, cancellationToken), context);
    }

    private static Results<NoContent, ProblemHttpResult> Answer(ServiceCallResult result, HttpContext context)
    {
        context.AuditOutcome($"the service answered {(int)result.Status}");
        if (result.Succeeded)
        {
            return TypedResults.NoContent();
        }

        return TypedResults.Problem(result.Detail, statusCode: (int)result.Status is >= 400 and < 600 ? (int)result.Status : StatusCodes.Status502BadGateway,
            title: $"The owning service refused: {(int)result.Status}");
    }
}
