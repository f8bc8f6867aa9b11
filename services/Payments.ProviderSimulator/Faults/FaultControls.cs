using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Payments.ProviderSimulator.Diagnostics;

namespace Payments.ProviderSimulator.Faults;

/// <summary>GET/PUT /sim/faults: read or replace the fault settings while the simulator runs.</summary>
internal static class FaultControls
{
    public static RouteGroupBuilder MapFaultControls(this RouteGroupBuilder sim)
    {
        sim.MapGet("/faults", GetFaults).WithName("GetFaults");
        sim.MapPut("/faults", PutFaults).WithName("PutFaults");
        return sim;
    }

    internal static Ok<FaultSettings> GetFaults(FaultInjector faults) => TypedResults.Ok(faults.Current);

    /// <summary>Replaces every setting: a field left out means that fault is off.</summary>
    internal static Results<Ok<FaultSettings>, ValidationProblem> PutFaults(FaultSettings settings, FaultInjector faults, ILogger<FaultInjector> logger)
    {
        var errors = settings.Validate()
            .GroupBy(e => JsonNamingPolicy.SnakeCaseLower.ConvertName(e.Field))
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Invalid fault settings");
        }

        faults.Update(settings);
        logger.FaultsChanged(settings);
        return TypedResults.Ok(faults.Current);
    }
}
