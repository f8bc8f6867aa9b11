using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using Payments.ServiceDefaults.Security;

namespace Payments.Orders.Ordering;

public static class OrderEndpoints
{
    public static RouteGroupBuilder MapOrders(this IEndpointRouteBuilder endpoints)
    {
        var orders = endpoints.MapGroup("/orders");
        orders.MapPost("/", CreateAsync).WithName("CreateOrder").RequireScope(Scopes.OrdersWrite)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        orders.MapGet("/{id}", GetAsync).WithName("GetOrder").RequireScope(Scopes.OrdersRead)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return orders;
    }

    /// <summary>
    /// 201 with the order. An Idempotency-Key makes retries safe: the same key and body answer the same order
    /// (Idempotent-Replayed: true), the same key with another body is refused with 422.
    /// </summary>
    internal static async Task<Results<Created<OrderResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateOrderRequest request,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        OrderCreation creation,
        NpgsqlDataSource dataSource,
        HttpResponse response,
        CancellationToken cancellationToken)
    {
        var errors = request.Validate();
        if (idempotencyKey is { Length: 0 or > 255 })
        {
            errors["Idempotency-Key"] = ["When given, 1 to 255 characters."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The order request is invalid");
        }

        switch (await creation.CreateAsync(request, idempotencyKey, cancellationToken))
        {
            case CreationResult.Created created:
                if (created.Replayed)
                {
                    response.Headers["Idempotent-Replayed"] = "true";
                }

                var order = (await OrderQueries.GetAsync(dataSource, created.OrderId, cancellationToken))!;
                return TypedResults.Created($"/orders/{order.Id}", order);
            default:
                return TypedResults.Problem("This Idempotency-Key was already used with a different request.",
                    statusCode: StatusCodes.Status422UnprocessableEntity, title: "Idempotency-Key reused");
        }
    }

    internal static async Task<Results<Ok<OrderResponse>, ProblemHttpResult>> GetAsync(string id, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var orderId))
        {
            return TypedResults.Problem("An order id is a UUID.", statusCode: StatusCodes.Status400BadRequest, title: "Invalid order id");
        }

        return await OrderQueries.GetAsync(dataSource, orderId, cancellationToken) is { } order
            ? TypedResults.Ok(order)
            : TypedResults.Problem($"No order {orderId}.", statusCode: StatusCodes.Status404NotFound, title: "Order not found");
    }
}
