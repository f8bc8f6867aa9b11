using Payments.Contracts;
using Payments.Reconciliation.Tests.Infrastructure;
using Payments.Testing;
using Payments.Testing.Messaging;

namespace Payments.Reconciliation.Tests.Poison;

/// <summary>
/// A body that does not deserialize, a message without a message id, a type nobody here consumes: each goes to the
/// queue's _error queue at once, with the reason in MassTransit's fault headers, and the consumer takes the next one.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class When_a_poisoned_message_arrives(PaymentSystem system) : IAsyncLifetime
{
    private ReconciliationApp _app = null!;
    private TestBus _bus = null!;

    public async ValueTask InitializeAsync()
    {
        (_app, _) = await ReconciliationApp.StartAsync(system.Broker, system.Postgres, system.Simulator.BaseUrl);
        _bus = await TestBus.ConnectAsync(system.Broker);
    }

    public async ValueTask DisposeAsync()
    {
        await _bus.DisposeAsync();
        await _app.DisposeAsync();
        await PoisonMessages.ForgetAsync(system.Broker, ReconciliationExtensions.OrderEventsQueue);
    }

    [Fact]
    public async Task Should_dead_letter_each_with_its_reason_and_handle_the_next()
    {
        var ct = TestContext.Current.CancellationToken;
        var poisoned = Created();
        var valid = Created();

        var markers = await PoisonMessages.SendAsync(system.Broker, ReconciliationExtensions.OrderEventsQueue, poisoned, typeof(OrderCreated), ct);
        await _bus.PublishAsync(valid, typeof(OrderCreated), Guid.CreateVersion7());

        await Eventually.TrueAsync(async () => await _app.ScalarAsync<long>($"SELECT count(*) FROM reconciliation.payments WHERE order_id = '{valid.OrderId}'") == 1,
            TimeSpan.FromSeconds(15), "the good event behind the poison to be handled", ct);
        var deadLetters = await PoisonMessages.DeadLettersAsync(system.Broker, ReconciliationExtensions.OrderEventsQueue, markers, TimeSpan.FromSeconds(15), ct);
        PoisonMessages.Unexplained(deadLetters).ShouldBeEmpty();
        (await _app.ScalarAsync<long>($"SELECT count(*) FROM reconciliation.payments WHERE order_id = '{poisoned.OrderId}'")).ShouldBe(0);
    }

    private static OrderCreated Created() =>
        new(Guid.NewGuid(), "stripe", $"pi_{Guid.NewGuid():N}", 4200, "EUR", CustomerEmail: null, DateTimeOffset.UtcNow);
}
