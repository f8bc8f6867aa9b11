using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace Payments.Orders.Story;

public static class StoryEndpoints
{
    /// <summary>Maximum length of a lookup term: ids are far shorter; longer input is refused, not searched.</summary>
    public const int MaxTermLength = 255;

    /// <summary>Operator endpoints (one order's story, the lookup): Program.cs protects them with RequireOperator().</summary>
    public static RouteGroupBuilder MapOrderStory(this IEndpointRouteBuilder endpoints)
    {
        var admin = endpoints.MapGroup("/admin/orders");
        admin.MapGet("/lookup", LookupAsync).WithName("LookupOrder");
        admin.MapGet("/{id}/story", GetAsync).WithName("GetOrderStory");
        return admin;
    }

    /// <summary>200 with what Orders recorded about the order; 400 for an id that is not a UUID, 404 for an unknown order.</summary>
    internal static async Task<Results<Ok<OrderStory>, ProblemHttpResult>> GetAsync(string id, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var orderId))
        {
            return TypedResults.Problem("An order id is a UUID.", statusCode: StatusCodes.Status400BadRequest, title: "Invalid order id");
        }

        return await StoryQueries.GetAsync(dataSource, orderId, cancellationToken) is { } story
            ? TypedResults.Ok(story)
            : TypedResults.Problem($"No order {orderId}.", statusCode: StatusCodes.Status404NotFound, title: "Order not found");
    }

    /// <summary>
    /// GET /admin/orders/lookup?q=: the order an order id, a provider payment id or a provider event id names; 404 when
    /// none does, 400 without a term.
    /// </summary>
    internal static async Task<Results<Ok<OrderLookup>, ValidationProblem, ProblemHttpResult>> LookupAsync(
        string? q, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var term = q?.Trim();
        if (string.IsNullOrEmpty(term) || term.Length > MaxTermLength)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["q"] = [$"Required: an order id, a provider payment id or a provider event id (at most {MaxTermLength} characters)."] },
                title: "Invalid lookup");
        }

        return await StoryQueries.LookupAsync(dataSource, term, cancellationToken) is { } found
            ? TypedResults.Ok(found)
            : TypedResults.Problem("No order has this id, payment id or provider event id.", statusCode: StatusCodes.Status404NotFound, title: "Order not found");
    }
}
