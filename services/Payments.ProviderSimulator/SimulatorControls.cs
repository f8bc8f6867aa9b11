using Payments.ProviderSimulator.Deliveries;
using Payments.ProviderSimulator.Diagnostics;
using Payments.ProviderSimulator.Faults;
using Payments.ProviderSimulator.Targets;

namespace Payments.ProviderSimulator;

/// <summary>
/// /sim: the simulator's own controls, kept out of the Stripe-compatible /v1 surface. Program.cs puts them behind
/// the admin-key policy: they change faults and list every receiver.
/// </summary>
internal static class SimulatorControls
{
    public static RouteGroupBuilder MapSimulatorControls(this IEndpointRouteBuilder endpoints)
    {
        var sim = endpoints.MapGroup("/sim");
        sim.MapTargetControls();    // POST/GET/DELETE /sim/endpoints
        sim.MapFaultControls();     // GET/PUT /sim/faults
        sim.MapStatsControls();     // GET /sim/stats
        sim.MapDeliveryControls();  // GET /sim/deliveries
        return sim;
    }
}
