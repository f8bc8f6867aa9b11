using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Payments.Messaging.Postgres;

namespace Payments.Notifications.Ledger;

public static class ParkedNotificationEndpoints
{
    /// <summary>
    /// GET /notifications/parked?limit=100: parked notifications, the most recently parked first (what Operations lists
    /// beside parked outbox rows). An operator endpoint: Program.cs protects it with RequireOperator().
    /// </summary>
    public static RouteGroupBuilder MapParkedNotifications(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/notifications/parked");
        group.MapGet("/", ListAsync).WithName("ListParkedNotifications");
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
}
