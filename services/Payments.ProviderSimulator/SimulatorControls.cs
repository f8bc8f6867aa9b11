using Payments.ProviderSimulator.Deliveries;
using Payments.ProviderSimulator.Diagnostics;
using Payments.ProviderSimulator.Faults;
using Payments.ProviderSimulator.Targets;

namespace Payments.ProviderSimulator;

/// <summary>
/// /sim: the simulator's own controls, kept out of the Stripe-compatible /v1 surface. Unauthenticated, like the
/// rest of a sandbox that must only ever listen on a development or test network.
/// </summary>
internal static class SimulatorControls
{
    public static IEndpointRouteBuilder MapSimulatorControls(this IEndpointRouteBuilder endpoints)
    {
        var sim = endpoints.MapGroup("/sim");
        sim.MapTargetControls();    // POST/GET/DELETE /sim/endpoints
        sim.MapFaultControls();     // GET/PUT /sim/faults
        sim.MapStatsControls();     // GET /sim/stats
        sim.MapDeliveryControls();  // GET /sim/deliveries
        return endpoints;
    }
}
