using Microsoft.Extensions.Options;
using Payments.ProviderSimulator.Configuration;

namespace Payments.ProviderSimulator.Deliveries;

/// <summary>
/// The record GET /sim/deliveries answers from: every delivery, dropped ones included, newest last. Bounded by
/// Simulator:Delivery:LogCapacity (the oldest are forgotten first); in memory only.
/// </summary>
internal sealed class DeliveryLog(IOptions<SimulatorOptions> options)
{
    private readonly Lock _gate = new();
    private readonly Queue<Delivery> _deliveries = new();

    public void Add(Delivery delivery)
    {
        lock (_gate)
        {
            _deliveries.Enqueue(delivery);
            while (_deliveries.Count > options.Value.Delivery.LogCapacity)
            {
                _deliveries.Dequeue();
            }
        }
    }

    public IReadOnlyList<DeliveryView> Find(string? eventId, string? paymentIntentId, string? endpointId)
    {
        Delivery[] all;
        lock (_gate)
        {
            all = [.. _deliveries];
        }

        return all
            .Where(d => (eventId is null || d.Event.Id == eventId)
                && (paymentIntentId is null || d.Event.Payment.Id == paymentIntentId)
                && (endpointId is null || d.Target.Id == endpointId))
            .Select(d => d.ToView())
            .ToList();
    }
}
