using MassTransit;
using Payments.Messaging.Tests.Infrastructure;
using Payments.Testing;
using Payments.Testing.Messaging;

namespace Payments.Messaging.Tests.Outbox;

/// <summary>
/// A service deployed after the publisher (its queue does not exist yet) still gets every event published meanwhile:
/// the publisher declares the queues named in Messaging:Broker:Subscribers, bound to the types each takes, as
/// MassTransit declares the subscriber's receive endpoint, so the subscriber starts on a queue that already waits for it.
/// </summary>
[Collection(MessagingCollection.Name)]
public sealed class When_a_subscriber_has_never_run(MessagingServers servers) : IAsyncLifetime
{
    private readonly string _queue = $"subscriber-{Guid.NewGuid():N}";
    private MessagingScenario _scenario = null!;

    public async ValueTask InitializeAsync() => _scenario = await MessagingScenario.CreateAsync(servers, start: false);

    public async ValueTask DisposeAsync()
    {
        await _scenario.DisposeAsync();
        await servers.Broker.DeleteQueueAsync(_queue);
    }

    [Fact]
    public async Task Should_keep_the_events_it_takes_for_it_and_only_those()
    {
        var ct = TestContext.Current.CancellationToken;
        await _scenario.StartHostAsync(new Dictionary<string, string?> { [$"Messaging:Broker:Subscribers:{_queue}:0"] = nameof(RelayProbe) });
        await OutboxRows.InsertAsync(_scenario.Database, [new OtherProbe(1)]); // published too: not for this subscriber
        var taken = (await OutboxRows.InsertAsync(_scenario.Database, [new RelayProbe(2)])).Single();

        await Eventually.TrueAsync(async () => await _scenario.Host.ScalarAsync<long>("SELECT count(*) FROM messaging.outbox") == 0,
            TimeSpan.FromSeconds(10), "OtherProbe and RelayProbe relayed", ct);
        (await servers.Broker.MessageCountAsync(_queue, ct)).ShouldBe(1u, "RelayProbe only: OtherProbe is not this subscriber's");

        // The subscriber's first start: MassTransit declares the same queue (a mismatch would fail here) and consumes.
        var received = new TaskCompletionSource<(Guid? MessageId, RelayProbe Message)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var subscriber = Bus.Factory.CreateUsingRabbitMq(bus =>
        {
            bus.Host(new Uri(servers.Broker.AmqpUri));
            bus.ReceiveEndpoint(_queue, e =>
            {
                e.SetQuorumQueue();
                e.Handler<RelayProbe>(context =>
                {
                    received.TrySetResult((context.MessageId, context.Message));
                    return Task.CompletedTask;
                });
            });
        });
        await subscriber.StartAsync(ct);
        try
        {
            var (messageId, message) = await received.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
            messageId.ShouldBe(taken);
            message.Number.ShouldBe(2);
        }
        finally
        {
            await subscriber.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Should_not_start_when_a_subscriber_names_a_type_it_does_not_publish()
    {
        var failure = await Should.ThrowAsync<Exception>(() => _scenario.StartHostAsync(
            new Dictionary<string, string?> { [$"Messaging:Broker:Subscribers:{_queue}:0"] = "OrderShipped" }));

        failure.ToString().ShouldContain($"Messaging:Broker:Subscribers:{_queue} names OrderShipped, which this service does not publish");
    }
}
