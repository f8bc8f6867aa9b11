using Microsoft.AspNetCore.Http.HttpResults;
using Payments.Operations.ServiceApis;

namespace Payments.Operations.Timeline;

public static class TimelineEndpoints
{
    /// <summary>Maximum length of a lookup term (ids are far shorter).</summary>
    public const int MaxTermLength = 255;

    /// <summary>Maps onto the `/api` group (operator endpoints): read-only, audited like every /api call, with nothing to add.</summary>
    public static RouteGroupBuilder MapTimeline(this RouteGroupBuilder api)
    {
        var payments = api.MapGroup("/payments");
        payments.MapGet("/lookup", LookupAsync).WithName("LookupPayment");
        payments.MapGet("/{orderId}/timeline", GetAsync).WithName("GetPaymentTimeline");
        return payments;
    }

    /// <summary>200 with the timeline (partial, with "unavailable", when a service could not be asked); 404 when Orders has no such order.</summary>
    internal static async Task<Results<Ok<PaymentTimeline>, ProblemHttpResult>> GetAsync(string orderId, TimelineAssembly assembly, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(orderId, out var id))
        {
            return TypedResults.Problem("An order id is a UUID.", statusCode: StatusCodes.Status400BadRequest, title: "Invalid order id");
        }

        return await assembly.AssembleAsync(id, cancellationToken) is { } timeline
            ? TypedResults.Ok(timeline)
            : TypedResults.Problem($"Orders has no order {id}.", statusCode: StatusCodes.Status404NotFound, title: "Order not found");
    }

    /// <summary>An order id, provider payment id or provider event id to `{"orderId"}`; 404 when none matches, 503 when Orders cannot be asked.</summary>
    internal static async Task<Results<Ok<LookupResult>, ValidationProblem, ProblemHttpResult>> LookupAsync(
        string? q, OrdersApi orders, CancellationToken cancellationToken)
    {
        var term = q?.Trim();
        if (string.IsNullOrEmpty(term) || term.Length > MaxTermLength)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["q"] = [$"Required: an order id, a provider payment id or a provider event id (at most {MaxTermLength} characters)."] },
                title: "Invalid lookup");
        }

        OrderLookup? found;
        try
        {
            found = await orders.LookupAsync(term, cancellationToken);
        }
        catch (Exception ex) when (Unanswered.Is(ex) && !cancellationToken.IsCancellationRequested)
        {
            return TypedResults.Problem("Orders could not be asked.", statusCode: StatusCodes.Status503ServiceUnavailable, title: "Orders unavailable");
        }

        return found is null
            ? TypedResults.Problem("No order has this id, payment id or provider event id.", statusCode: StatusCodes.Status404NotFound, title: "Order not found")
            : TypedResults.Ok(new LookupResult(found.OrderId, found.MatchedBy));
    }
}
