using Microsoft.AspNetCore.Http.HttpResults;

namespace Payments.Ingress.Traffic;

public static class TrafficEndpoints
{
    /// <summary>GET /admin/traffic?minutes=15: what the ingress received and refused, per source (an operator endpoint).</summary>
    public static RouteHandlerBuilder MapTraffic(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/admin/traffic", Report)
            .WithName("GetTraffic")
            .WithSummary("Webhooks received per source and refusals by reason, over the last minutes (1-60, default 15)")
            .ProducesValidationProblem();

    internal static Results<Ok<TrafficReport>, ValidationProblem> Report(TrafficCounter counter, int? minutes)
    {
        var window = minutes ?? 15;
        if (window is < 1 or > TrafficCounter.WindowMinutes)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["minutes"] = [$"Must be between 1 and {TrafficCounter.WindowMinutes}."] },
                title: "Invalid window");
        }

        return TypedResults.Ok(counter.Report(window));
    }
}
