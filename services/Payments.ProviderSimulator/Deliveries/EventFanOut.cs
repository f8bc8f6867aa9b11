using Payments.ProviderSimulator.Diagnostics;
using Payments.ProviderSimulator.Faults;
using Payments.ProviderSimulator.Payments;
using Payments.ProviderSimulator.Stripe;
using Payments.ProviderSimulator.Targets;

namespace Payments.ProviderSimulator.Deliveries;

/// <summary>
/// Where a payment event becomes webhooks: one delivery per receiver that wants it, in the receiver's own scheme,
/// and where the webhook faults are decided (drop, duplicate, delay, reorder), logged and counted. Runs on the API
/// request that raised the event, so GET /sim/deliveries shows the decisions as soon as that request is answered.
/// </summary>
internal sealed class EventFanOut(
    TargetRegistry targets,
    IEnumerable<IWebhookFormat> formats,
    FaultInjector faults,
    DeliveryLog log,
    Reorderer reorderer,
    SimulatorStats stats,
    TimeProvider time,
    ILogger<EventFanOut> logger)
{
    private readonly Dictionary<string, IWebhookFormat> _formats = formats.ToDictionary(f => f.Scheme);

    public void Publish(PaymentEvent paymentEvent)
    {
        stats.EventCreated();
        logger.EventRaised(paymentEvent.Id, StripeEventTypes.Name(paymentEvent.Type), paymentEvent.Payment.Id);
        foreach (var target in targets.All)
        {
            if (target.Disabled)
            {
                continue;
            }

            if (_formats.TryGetValue(target.Scheme, out var format) && format.Render(paymentEvent, target) is { } message)
            {
                Dispatch(new Delivery(Ids.New("dlv"), paymentEvent, target, message, duplicateOf: null, time.GetUtcNow()));
            }
        }
    }

    private void Dispatch(Delivery delivery)
    {
        log.Add(delivery);
        var decided = faults.DecideWebhook();
        if (decided.Drop)
        {
            delivery.MarkDropped();
            stats.Dropped();
            logger.WebhookDropped(delivery.Id, delivery.Event.Id, delivery.Target.Id);
            return;
        }

        if (decided.DelayMs > 0)
        {
            delivery.MarkDelayed(decided.DelayMs);
            stats.Delayed();
            logger.WebhookDelayed(delivery.Id, delivery.Event.Id, decided.DelayMs);
        }

        var copy = decided.Duplicate ? delivery.Duplicate(time.GetUtcNow()) : null;
        stats.DeliveryOpened();
        reorderer.Submit(delivery, decided.Reorder, decided.ReorderHoldMs);
        if (copy is not null)
        {
            log.Add(copy);
            stats.Duplicated();
            stats.DeliveryOpened();
            logger.WebhookDuplicated(delivery.Id, delivery.Event.Id, copy.Id);
            reorderer.Submit(copy, holdBack: false, holdMs: 0);
        }
    }
}
