using Microsoft.AspNetCore.Http.HttpResults;

namespace Payments.ProviderSimulator.Diagnostics;

/// <summary>GET /sim/stats: the counters since start (the same numbers the meter exports).</summary>
internal static class StatsControls
{
    public static RouteGroupBuilder MapStatsControls(this RouteGroupBuilder sim)
    {
        sim.MapGet("/stats", Get).WithName("GetStats");
        return sim;
    }

    internal static Ok<StatsSnapshot> Get(SimulatorStats stats) => TypedResults.Ok(stats.Snapshot());
}
