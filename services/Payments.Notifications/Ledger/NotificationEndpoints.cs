using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Payments.Notifications.Sending;

namespace Payments.Notifications.Ledger;

public static class NotificationEndpoints
{
    /// <summary>Operator endpoints (customers' addresses, resending): Program.cs protects them with RequireOperator().</summary>
    public static RouteGroupBuilder MapNotifications(this IEndpointRouteBuilder endpoints)
    {
        var notifications = endpoints.MapGroup("/notifications");
        notifications.MapGet("/", ListAsync).WithName("ListNotifications");
        notifications.MapPost("/{id}/resend", ResendAsync).WithName("ResendNotification")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return notifications;
    }

    /// <summary>200 with the order's notifications (possibly none), oldest first.</summary>
    internal static async Task<Results<Ok<List<NotificationResponse>>, ValidationProblem>> ListAsync(
        string? orderId, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(orderId, out var id))
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["orderId"] = ["Required: the order's id, a UUID."] }, title: "Invalid order id");
        }

        return TypedResults.Ok(await NotificationQueries.ForOrderAsync(dataSource, id, cancellationToken));
    }

    /// <summary>
    /// 202 when a parked notification is queued again (same Message-ID, fresh attempt budget). A sent or pending one is
    /// refused with 409: resending a delivered email would break "exactly once", and with the same Message-ID a
    /// deduplicating receiver would drop it anyway, so neither the operator nor the customer would get what they expect.
    /// </summary>
    internal static async Task<Results<Accepted<NotificationResponse>, ProblemHttpResult>> ResendAsync(
        string id, NpgsqlDataSource dataSource, SenderWake wake, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var notificationId))
        {
            return TypedResults.Problem("A notification id is a UUID.", statusCode: StatusCodes.Status400BadRequest, title: "Invalid notification id");
        }

        switch (await NotificationQueries.ResendAsync(dataSource, notificationId, cancellationToken))
        {
            case ResendResult.Requeued requeued:
                wake.Pulse();
                return TypedResults.Accepted($"/notifications?orderId={requeued.Notification.OrderId}", requeued.Notification);
            case ResendResult.NotParked notParked:
                return TypedResults.Problem(
                    $"Only a parked notification can be resent; this one is {notParked.Notification.State}.",
                    statusCode: StatusCodes.Status409Conflict, title: "Notification not parked");
            default:
                return TypedResults.Problem($"No notification {notificationId}.", statusCode: StatusCodes.Status404NotFound, title: "Notification not found");
        }
    }
}
