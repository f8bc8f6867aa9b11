using Microsoft.AspNetCore.Http.HttpResults;

namespace Payments.Operations.Now;

public static class NowEndpoints
{
    public static RouteHandlerBuilder MapNow(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/now", GetAsync).WithName("GetNow");

    internal static async Task<Ok<NowSnapshot>> GetAsync(NowCollector collector, CancellationToken cancellationToken) =>
        TypedResults.Ok(await collector.CollectAsync(cancellationToken));
}
