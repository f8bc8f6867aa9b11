using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Payments.Messaging.Broker;
using Payments.ServiceDefaults.Security;

namespace Payments.Operations.DeadLetters;

public static class DeadLetterEndpoints
{
    private const int MaxPageSize = 500;
    private const int MaxIds = 1000;

    public static RouteGroupBuilder MapDeadLetters(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/dead-letters");
        group.MapGet("/", ListAsync).WithName("ListDeadLetters");
        group.MapGet("/{id:long}", GetAsync).WithName("GetDeadLetter");
        group.MapPost("/replay", ReplayAsync).WithName("ReplayDeadLetters");
        group.MapPost("/discard", DiscardAsync).WithName("DiscardDeadLetters");
        return group;
    }

    internal static async Task<Results<Ok<DeadLetterPage>, ValidationProblem>> ListAsync(
        string? queue, string? messageType, string? reason, string? orderId, DateTimeOffset? from, DateTimeOffset? to, int? page, int? pageSize,
        DeadLetterStore store, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (page is < 1)
        {
            errors["page"] = ["A page number starts at 1."];
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            errors["pageSize"] = [$"Between 1 and {MaxPageSize}."];
        }

        if (from is not null && to is not null && from >= to)
        {
            errors["to"] = ["Must be after from."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Invalid dead-letter query");
        }

        return TypedResults.Ok(await store.ListAsync(new DeadLetterFilter(queue, messageType, reason, orderId, from, to), page ?? 1, pageSize ?? 50, cancellationToken));
    }

    internal static async Task<Results<Ok<DeadLetterDetail>, NotFound<Microsoft.AspNetCore.Mvc.ProblemDetails>>> GetAsync(
        long id, DeadLetterStore store, CancellationToken cancellationToken) =>
        await store.GetAsync(id, cancellationToken) is { } detail
            ? TypedResults.Ok(detail)
            : TypedResults.NotFound(new Microsoft.AspNetCore.Mvc.ProblemDetails { Title = "Dead letter not found", Detail = $"No dead letter {id}.", Status = 404 });

    internal static async Task<Results<Ok<ReplayResult>, ValidationProblem, ProblemHttpResult>> ReplayAsync(
        ReplayRequest request, DeadLetterReplay replay, HttpContext context, CancellationToken cancellationToken)
    {
        var idCount = request.Ids?.Count ?? 0;
        if ((idCount > 0) == (request.Filter is not null) || idCount > MaxIds)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["ids"] = [$"Give either ids (1 to {MaxIds}) or a filter, not both and not neither."] },
                title: "Invalid replay request");
        }

        var target = request.Ids is { Count: > 0 } ids ? "ids " + string.Join(",", ids) : "filter " + JsonSerializer.Serialize(request.Filter);
        var replayed = 0;
        try
        {
            replayed = request.Ids is { Count: > 0 } named
                ? await replay.ReplayAsync(named, cancellationToken)
                : await replay.ReplayAsync(request.Filter!, cancellationToken);
        }
        catch (BrokerUnavailableException ex)
        {
            context.AuditOutcome($"{target}: {replayed} replayed, then the broker failed");
            return TypedResults.Problem($"{ex.Message} {replayed} were replayed before that; replaying again sends the rest.",
                statusCode: StatusCodes.Status503ServiceUnavailable, title: "Replay stopped");
        }

        context.AuditOutcome($"{target}: {replayed} replayed");
        return TypedResults.Ok(new ReplayResult(replayed));
    }

    internal static async Task<Results<Ok<DiscardResult>, ValidationProblem>> DiscardAsync(
        DiscardRequest request, DeadLetterStore store, HttpContext context, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Ids is not { Count: > 0 and <= MaxIds })
        {
            errors["ids"] = [$"Between 1 and {MaxIds} dead-letter ids."];
        }

        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > 500)
        {
            errors["reason"] = ["Say why (up to 500 characters)."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Invalid discard request");
        }

        var discarded = await store.DiscardAsync(request.Ids!, request.Reason!, OperatorAction.SubjectOf(context.User), time.GetUtcNow(), cancellationToken);
        context.AuditOutcome($"ids {string.Join(",", request.Ids!)}: {discarded} discarded ({request.Reason})");
        return TypedResults.Ok(new DiscardResult(discarded));
    }
}
