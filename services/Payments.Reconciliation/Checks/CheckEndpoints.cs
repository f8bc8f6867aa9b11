using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace Payments.Reconciliation.Checks;

public static class CheckEndpoints
{
    /// <summary>An operator endpoint (one order's checks and findings): Program.cs protects it with RequireOperator().</summary>
    public static RouteHandlerBuilder MapPaymentChecks(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/admin/payments/{orderId}/checks", GetAsync).WithName("GetPaymentChecks");

    /// <summary>200 with what Reconciliation recorded; 400 for an id that is not a UUID, 404 for a payment it never heard of.</summary>
    internal static async Task<Results<Ok<PaymentChecks>, ProblemHttpResult>> GetAsync(string orderId, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(orderId, out var id))
        {
            return TypedResults.Problem("An order id is a UUID.", statusCode: StatusCodes.Status400BadRequest, title: "Invalid order id");
        }

        return await CheckQueries.ForOrderAsync(dataSource, id, cancellationToken) is { } checks
            ? TypedResults.Ok(checks)
            : TypedResults.Problem($"Reconciliation has no payment for order {id}.", statusCode: StatusCodes.Status404NotFound, title: "Payment not found");
    }
}
