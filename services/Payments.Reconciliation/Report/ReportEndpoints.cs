using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Payments.Reconciliation.Endpoints;
using Payments.Reconciliation.Providers;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Payments.Reconciliation.Report;

public static class ReportEndpoints
{
    /// <summary>A report reads every provider payment in its window (100 a page): keep windows to a size one request can carry.</summary>
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(31);

    /// <summary>An operator report: Program.cs protects it with RequireOperator().</summary>
    public static RouteHandlerBuilder MapReconciliationReport(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/reconciliation/report", GetAsync).WithName("ReconciliationReport")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    /// <summary>
    /// GET /reconciliation/report?from=2026-01-01T00:00:00Z&amp;to=2026-01-02T00:00:00Z: payments created in the window,
    /// the provider's (listed by creation time) against ours. A paid payment of ours the listing does not show is
    /// asked about by id before it is called a discrepancy. 503 when the provider cannot be read.
    /// </summary>
    internal static async Task<Results<Ok<ReconciliationReport>, ValidationProblem, ProblemHttpResult>> GetAsync(
        string? from,
        string? to,
        IPaymentLister lister,
        ProviderClients clients,
        NpgsqlDataSource dataSource,
        EndpointStatuses endpoints,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var start = Parse(from, "from", errors);
        var end = Parse(to, "to", errors);
        if (errors.Count == 0 && (end <= start || end - start > MaxWindow))
        {
            errors["to"] = [$"Must be after from, and at most {MaxWindow.TotalDays:0} days after it."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The report window is invalid");
        }

        try
        {
            var theirs = new List<ProviderPayment>();
            await foreach (var payment in lister.ListCreatedAsync(start, end, cancellationToken))
            {
                theirs.Add(payment);
            }

            var ours = await TrackedPayments.FindAsync(dataSource, start, end, [.. theirs.Select(p => p.PaymentId)], cancellationToken);
            theirs.AddRange(await LookUpUnlistedPaidAsync(ours, theirs, lister.Provider, clients, cancellationToken));
            var (succeededNotPaid, paidNotSucceeded, amountMismatches, stuck) = Discrepancies.Find(theirs, ours);
            return TypedResults.Ok(new ReconciliationReport(start, end, lister.Provider, theirs.Count, ours.Count,
                succeededNotPaid, paidNotSucceeded, amountMismatches, stuck, endpoints.All));
        }
        catch (Exception ex) when (ex is ProviderUnavailableException or ProviderRejectedException or HttpRequestException
                                       or BrokenCircuitException or TimeoutRejectedException)
        {
            // The endpoint statuses are ours, not the provider's: they still come with the refusal (that is when an
            // unreachable provider matters), as the problem's "endpoints" extension.
            return TypedResults.Problem($"The provider could not be read: {ex.Message}", statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Provider unavailable", extensions: new Dictionary<string, object?> { ["endpoints"] = endpoints.All });
        }
    }

    private static async Task<List<ProviderPayment>> LookUpUnlistedPaidAsync(
        List<TrackedPayment> ours, List<ProviderPayment> theirs, string provider, ProviderClients clients, CancellationToken cancellationToken)
    {
        var listed = theirs.Select(p => p.PaymentId).ToHashSet(StringComparer.Ordinal);
        var found = new List<ProviderPayment>();
        if (clients.For(provider) is not { } client)
        {
            return found;
        }

        foreach (var payment in ours.Where(p => p is { Status: Housekeeping.KnownStatus.Paid, PaymentId: not null }
                                                && string.Equals(p.Provider, provider, StringComparison.OrdinalIgnoreCase)
                                                && !listed.Contains(p.PaymentId)))
        {
            found.Add(await client.GetAsync(new PaymentReference(payment.PaymentId!, payment.OrderId), cancellationToken));
        }

        return found;
    }

    private static DateTimeOffset Parse(string? value, string name, Dictionary<string, string[]> errors)
    {
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return parsed.ToUniversalTime();
        }

        errors[name] = ["Required: an ISO 8601 time, e.g. 2026-01-01T00:00:00Z."];
        return default;
    }
}
