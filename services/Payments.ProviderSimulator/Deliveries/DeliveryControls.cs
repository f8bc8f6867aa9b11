using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Payments.ProviderSimulator.Deliveries;

/// <summary>
/// GET /sim/deliveries?payment_intent=pi_…&amp;event=evt_…&amp;endpoint=we_…: every delivery matching all filters given
/// (none: all), with the faults injected into it and each attempt, so a test knows exactly what was done.
/// </summary>
internal static class DeliveryControls
{
    public static RouteGroupBuilder MapDeliveryControls(this RouteGroupBuilder sim)
    {
        sim.MapGet("/deliveries", List).WithName("ListDeliveries");
        return sim;
    }

    internal static Ok<IReadOnlyList<DeliveryView>> List(
        DeliveryLog log,
        [FromQuery(Name = "payment_intent")] string? paymentIntent,
        [FromQuery(Name = "event")] string? eventId,
        [FromQuery(Name = "endpoint")] string? endpoint) =>
        TypedResults.Ok(log.Find(eventId, paymentIntent, endpoint));
}
