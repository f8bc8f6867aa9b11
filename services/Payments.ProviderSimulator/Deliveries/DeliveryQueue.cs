using System.Threading.Channels;

namespace Payments.ProviderSimulator.Deliveries;

/// <summary>
/// Deliveries due now, read by the dispatcher's workers, and timers for those due later (delays, retries). Unbounded:
/// an API call never waits for webhooks, as Stripe's does not; the dispatcher's worker count bounds the sending.
/// In memory only, so deliveries pending at shutdown are lost (see README, "What survives a restart").
/// </summary>
internal sealed class DeliveryQueue(TimeProvider time, IHostApplicationLifetime lifetime)
{
    private readonly Channel<Delivery> _due = Channel.CreateUnbounded<Delivery>();

    public ChannelReader<Delivery> Due => _due.Reader;

    public void Schedule(Delivery delivery, TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            _due.Writer.TryWrite(delivery);
            return;
        }

        delivery.ScheduledFor(time.GetUtcNow() + delay);
        _ = WriteLaterAsync(delivery, delay);
    }

    private async Task WriteLaterAsync(Delivery delivery, TimeSpan delay)
    {
        try
        {
            await Task.Delay(delay, time, lifetime.ApplicationStopping);
            _due.Writer.TryWrite(delivery);
        }
        catch (OperationCanceledException)
        {
            // Shutting down: the delivery is lost with the rest of the in-memory queue.
        }
    }
}
