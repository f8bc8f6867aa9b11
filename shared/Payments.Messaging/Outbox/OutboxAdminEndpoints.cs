using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Payments.Messaging.Outbox;

/// <summary>Operator endpoints for parked outbox rows. Protect them with RequireOperator() (the management listener).</summary>
public static class OutboxAdminEndpoints
{
    public static RouteGroupBuilder MapOutboxAdmin(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/admin/outbox");
        group.MapGet("/parked", ListParkedAsync).WithName("ListParkedMessages");
        group.MapPost("/parked/{id:guid}/requeue", RequeueAsync).WithName("RequeueParkedMessage");
        group.MapGet("/backlog", BacklogAsync).WithName("GetOutboxBacklog");
        return group;
    }

    private static async Task<Ok<List<ParkedMessage>>> ListParkedAsync(ParkedMessages parked, int? limit, CancellationToken cancellationToken) =>
        TypedResults.Ok(await parked.ListAsync(Math.Clamp(limit ?? 100, 1, 1000), cancellationToken));

    /// <summary>Rows waiting for the relay, the oldest one's age, and parked rows (what Operations' "now" shows).</summary>
    private static async Task<Ok<OutboxBacklog>> BacklogAsync(Npgsql.NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var snapshot = await OutboxMonitor.SampleAsync(dataSource, cancellationToken);
        return TypedResults.Ok(new OutboxBacklog(snapshot.Pending, snapshot.OldestAge.TotalSeconds, snapshot.Parked));
    }

    private static async Task<Results<NoContent, NotFound>> RequeueAsync(Guid id, ParkedMessages parked, CancellationToken cancellationToken) =>
        await parked.RequeueAsync(id, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();
}
