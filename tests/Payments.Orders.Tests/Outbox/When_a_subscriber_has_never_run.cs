using MassTransit;
using Payments.Contracts;
using Payments.Orders.Tests.Infrastructure;
using Payments.Testing;

namespace Payments.Orders.Tests.Outbox;

/// <summary>
/// A service deployed after Orders (its queue does not exist yet) still gets every event Orders published meanwhile:
/// Orders declares the queues named in Messaging:Broker:Subscribers, bound to the types each takes, as
/// MassTransit declares the subscriber's receive endpoint, so the subscriber starts on a queue that already waits for it.
/// </summary>
[Collection(OrdersCollection.Name)]
public sealed class When_a_subscriber_has_never_run(Infrastructure.Infrastructure infrastructure) : IAsyncLifetime
{
    private readonly string _queue = $"subscriber-{Guid.NewGuid():N}";
    private OrdersScenario _scenario = null!;

    public async ValueTask InitializeAsync() => _scenario = await OrdersScenario.CreateAsync(infrastructure, start: false);

    public async ValueTask DisposeAsync()
    {
        await _scenario.DisposeAsync();
        await infrastructure.Broker.DeleteQueueAsync(_queue);
    }

    [Fact]
    public async Task Should_keep_the_events_it_takes_for_it_and_only_those()
    {
        var ct = TestContext.Current.CancellationToken;
        await _scenario.StartAppAsync(new Dictionary<string, string?> { [$"Messaging:Broker:Subscribers:{_queue}:0"] = "OrderPaid" });
        var order = await _scenario.CreateOrderAsync(4200, "EUR"); // publishes OrderCreated: not for this subscriber
        await _scenario.Bus.PublishAsync(Infrastructure.PaymentEvents.For(order.Id, PaymentEventKind.Succeeded, 4200, "EUR", order.Payment!.PaymentId));

        await Eventually.TrueAsync(async () => (await _scenario.GetOrderAsync(order.Id)).Status == "paid",
            TimeSpan.FromSeconds(20), "the order paid (OrderPaid in the outbox)", ct);
        await Eventually.TrueAsync(async () => await _scenario.App.ScalarAsync<long>("SELECT count(*) FROM messaging.outbox") == 0,
            TimeSpan.FromSeconds(10), "OrderCreated and OrderPaid relayed", ct);
        (await infrastructure.Broker.MessageCountAsync(_queue, ct)).ShouldBe(1u, "OrderPaid only: OrderCreated is not this subscriber's");

        // The subscriber's first start: MassTransit declares the same queue (a mismatch would fail here) and consumes.
        var received = new TaskCompletionSource<OrderPaid>(TaskCreationOptions.RunContinuationsAsynchronously);
        var subscriber = Bus.Factory.CreateUsingRabbitMq(bus =>
        {
            bus.Host(new Uri(infrastructure.Broker.AmqpUri));
            bus.ReceiveEndpoint(_queue, e =>
            {
                e.SetQuorumQueue();
                e.Handler<OrderPaid>(context =>
                {
                    received.TrySetResult(context.Message);
                    return Task.CompletedTask;
                });
            });
        });
        await subscriber.StartAsync(ct);
        try
        {
            (await received.Task.WaitAsync(TimeSpan.FromSeconds(30), ct)).OrderId.ShouldBe(order.Id);
        }
        finally
        {
            await subscriber.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Should_not_start_when_a_subscriber_names_a_type_it_does_not_publish()
    {
        var failure = await Should.ThrowAsync<Exception>(() => _scenario.StartAppAsync(
            new Dictionary<string, string?> { [$"Messaging:Broker:Subscribers:{_queue}:0"] = "OrderShipped" }));

        failure.ToString().ShouldContain($"Messaging:Broker:Subscribers:{_queue} names OrderShipped, which this service does not publish");
    }
}
