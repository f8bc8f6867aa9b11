using Payments.Operations.DeadLetters;
using Payments.Operations.Tests.Infrastructure;
using Payments.Testing;
using Payments.Testing.Messaging;

namespace Payments.Operations.Tests.DeadLetters;

/// <summary>
/// Orders' PostgreSQL is down while a payment event arrives: Orders retries twice and MassTransit moves the event to
/// orders-payment-events_error. Operations lists it with MassTransit's reason, and a replay once the database is back
/// pays the order exactly once; replaying the already applied message again changes nothing.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class When_a_database_outage_dead_letters_a_payment_event(Servers servers) : IAsyncLifetime
{
    private const string Queue = "orders-payment-events_error";
    private OperationsApp _app = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync() => (_app, _client) = await OperationsApp.StartAsync(servers.Broker, servers.Postgres);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Should_list_it_with_its_reason_and_apply_it_once_when_replayed()
    {
        var token = TestContext.Current.CancellationToken;
        var (orderId, paymentId) = await servers.OrdersDatabase.CreateOrderAsync();
        var paid = PaymentEvents.Succeeded(orderId, paymentId);
        await using var bus = await TestBus.ConnectAsync(servers.Broker);

        await servers.OrdersPostgres.StopAsync(token);
        try
        {
            await bus.PublishAsync(paid);
            var page = await _client.DeadLettersAsync($"?orderId={orderId}", 1);
            var listed = page.Items.ShouldHaveSingleItem();
            listed.Queue.ShouldBe(Queue);
            listed.MessageType.ShouldBe("PaymentEventReceived");
            listed.MessageId.ShouldBe(paid.EventId.ToString());
            listed.PaymentId.ShouldBe(paymentId);
            listed.State.ShouldBe(DeadLetterState.Dead);
            listed.Reason.ShouldBe("fault");
            listed.ExceptionType.ShouldBe("System.Net.Sockets.SocketException"); // what MassTransit 8.5.12 wrote, measured
            listed.FailedAt.ShouldNotBeNull();

            var detail = await _client.DeadLetterAsync(listed.Id);
            foreach (var (key, value) in detail.Headers)
            {
                TestContext.Current.TestOutputHelper?.WriteLine($"{key}: {value}");
            }

            detail.Headers.Keys.ShouldContain("MT-Fault-Message");
            detail.Headers.Keys.ShouldContain("MT-Fault-Timestamp");
            detail.InputAddress.ShouldNotBeNull().ShouldEndWith("/orders-payment-events");
            detail.Body.ShouldNotBeNull().GetProperty("message").GetProperty("orderId").GetString().ShouldBe(orderId.ToString());
            (await servers.Broker.MessageCountAsync(Queue, token)).ShouldBe(0u, "taken off the error queue once stored");
        }
        finally
        {
            await servers.OrdersPostgres.StartAsync(token);
        }

        await servers.Orders.WaitUntilReadyAsync(TimeSpan.FromSeconds(30), token);
        var id = (await _client.DeadLettersAsync($"?orderId={orderId}")).Items.Single().Id;
        (await _client.ReplayAsync(new { ids = new[] { id } })).ShouldBe(1);
        await Eventually.TrueAsync(async () => await servers.OrdersDatabase.StatusAsync(orderId) == "paid",
            TimeSpan.FromSeconds(20), "the replayed event to pay the order", token);
        (await _client.DeadLetterAsync(id)).State.ShouldBe(DeadLetterState.Replayed);

        // Again: the same message id reaches Orders' inbox, which absorbs it. A later event applied proves it was handled
        // (Orders consumes one at a time).
        (await _client.ReplayAsync(new { ids = new[] { id } })).ShouldBe(1);
        var (later, laterPayment) = await servers.OrdersDatabase.CreateOrderAsync();
        await bus.PublishAsync(PaymentEvents.Succeeded(later, laterPayment));
        await Eventually.TrueAsync(async () => await servers.OrdersDatabase.StatusAsync(later) == "paid",
            TimeSpan.FromSeconds(20), "the later event to be applied", token);
        (await servers.OrdersDatabase.EventCountAsync(orderId)).ShouldBe(1);
        (await _client.DeadLettersAsync($"?orderId={orderId}")).Total.ShouldBe(1, "nothing dead-lettered again");
    }
}
