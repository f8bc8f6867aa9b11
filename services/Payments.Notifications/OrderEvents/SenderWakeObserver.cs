using MassTransit;
using Payments.Notifications.Sending;

namespace Payments.Notifications.OrderEvents;

/// <summary>Wakes the sender after a consumer finished, i.e. after its inbox transaction committed the notification.</summary>
public sealed class SenderWakeObserver(SenderWake wake) : IConsumeObserver
{
    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        wake.Pulse();
        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}
