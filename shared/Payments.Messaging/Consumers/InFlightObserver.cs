using MassTransit;

namespace Payments.Messaging.Consumers;

/// <summary>
/// Feeds <see cref="InFlightDeliveries"/>: a delivery is held from the moment it enters the receive pipe until
/// MassTransit settles it, retries included (they run inside the receive), whatever the outcome.
/// </summary>
internal sealed class InFlightObserver(InFlightDeliveries deliveries) : IReceiveObserver, IConsumeObserver
{
    public Task PreReceive(ReceiveContext context)
    {
        deliveries.Received(context, context.InputAddress);
        return Task.CompletedTask;
    }

    public Task PostReceive(ReceiveContext context)
    {
        deliveries.Settled(context);
        return Task.CompletedTask;
    }

    public Task ReceiveFault(ReceiveContext context, Exception exception)
    {
        deliveries.Settled(context);
        return Task.CompletedTask;
    }

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class
    {
        deliveries.Read(context.ReceiveContext, context.SentTime);
        return Task.CompletedTask;
    }

    public Task PostConsume<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType) where T : class => Task.CompletedTask;

    public Task ConsumeFault<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType, Exception exception) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}
