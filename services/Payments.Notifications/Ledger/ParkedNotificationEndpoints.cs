using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Payments.Messaging.Postgres;

namespace Payments.Notifications.Ledger;

public static class ParkedNotificationEndpoints
{
    /// <summary>
    /// GET /notifications/parked?limit=100: parked notifications, the most recently parked first (what Operations lists
    /// beside parked outbox rows); GET /notifications/parked/count: how many there are, however many (Operations' "now").
    /// Operator endpoints: Program.cs protects them with RequireOperator().
    /// </summary>
    public static RouteGroupBuilder MapParkedNotifications(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/notifications/parked");
        group.MapGet("/", ListAsync).WithName("ListParkedNotifications");
        group.MapGet("/count", CountAsync).WithName("CountParkedNotifications");
        return group;
    }

    internal static async Task<Ok<List<NotificationResponse>>> ListAsync(int? limit, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT {NotificationColumns.Names} FROM notifications.notifications WHERE state = 'parked' ORDER BY parked_at DESC, id LIMIT $1")
            .Bind(Math.Clamp(limit ?? 100, 1, 1000));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var columns = new NotificationColumns(reader);
        var parked = new List<NotificationResponse>();
        while (await reader.ReadAsync(cancellationToken))
        {
            parked.Add(columns.Read(reader));
        }

        return TypedResults.Ok(parked);
    }

    // The partial index notifications_parked holds exactly the parked rows.
    internal static async Task<Ok<ParkedCount>> CountAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM notifications.notifications WHERE state = 'parked'");
        return TypedResults.Ok(new ParkedCount((long)(await command.ExecuteScalarAsync(cancellationToken))!));
    }
}
