using Payments.ProviderSimulator.Diagnostics;

namespace Payments.ProviderSimulator.Deliveries;

/// <summary>
/// The reorder fault: a delivery is held back until the next delivery to the same receiver has had its first
/// attempt, so the receiver sees the later event first. At most one is held per receiver; if no successor comes
/// within ReorderHoldMs the held one is sent anyway (released after "timeout") rather than silently dropped.
/// </summary>
internal sealed class Reorderer(DeliveryQueue queue, SimulatorStats stats, TimeProvider time, IHostApplicationLifetime lifetime, ILogger<Reorderer> logger)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Delivery> _held = new(StringComparer.Ordinal);

    public void Submit(Delivery delivery, bool holdBack, int holdMs)
    {
        var target = delivery.Target.Id;
        lock (_gate)
        {
            if (holdBack && !_held.ContainsKey(target))
            {
                _held[target] = delivery;
                delivery.MarkHeld();
            }
            else
            {
                holdBack = false;
                if (_held.Remove(target, out var held))
                {
                    delivery.HoldBehind(held);
                }
            }
        }

        if (holdBack)
        {
            stats.Reordered();
            logger.WebhookHeld(delivery.Id, delivery.Event.Id, target, holdMs);
            _ = ReleaseOnTimeoutAsync(delivery, holdMs);
            return;
        }

        queue.Schedule(delivery, TimeSpan.FromMilliseconds(delivery.DelayMs));
    }

    /// <summary>Called once a delivery's first attempt is over (or it was cancelled): sends what was held behind it.</summary>
    public void FirstAttemptFinished(Delivery delivery)
    {
        if (delivery.TakeHeldBehind() is { } held)
        {
            Release(held, delivery.Id);
        }
    }

    private async Task ReleaseOnTimeoutAsync(Delivery held, int holdMs)
    {
        try
        {
            await Task.Delay(TimeSpan.FromMilliseconds(holdMs), time, lifetime.ApplicationStopping);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        lock (_gate)
        {
            if (!_held.TryGetValue(held.Target.Id, out var current) || current != held)
            {
                return; // a successor took it over
            }

            _held.Remove(held.Target.Id);
        }

        Release(held, "timeout");
    }

    private void Release(Delivery held, string after)
    {
        held.MarkReleased(after);
        logger.WebhookReleased(held.Id, after);
        queue.Schedule(held, TimeSpan.FromMilliseconds(held.DelayMs));
    }
}
