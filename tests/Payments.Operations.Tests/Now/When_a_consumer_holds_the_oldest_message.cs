using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Payments.Operations.Now;
using Payments.Operations.Tests.Infrastructure;
using Payments.ServiceDefaults.Security;
using Payments.Testing;
using Payments.Testing.Messaging;
using Payments.Testing.Security;

namespace Payments.Operations.Tests.Now;

/// <summary>
/// The oldest message's age of a quorum queue, which RabbitMQ does not report. Payment events wait in Orders' queue while
/// Orders is down: no consumer, so the age is unknown. Orders comes back while its PostgreSQL is still down and holds
/// the first of them (it takes one at a time): the age "now" shows comes from that real Orders process and counts from
/// when the event was sent, not from when Orders took it. Once the queue is drained it is unknown again.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class When_a_consumer_holds_the_oldest_message(Servers servers) : IAsyncLifetime
{
    private const string Queue = "orders-payment-events";
    private const int Events = 12;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private OperationsApp _app = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        (_app, _client) = await OperationsApp.StartAsync(servers.Broker, servers.Postgres,
            new Dictionary<string, string?> { ["Operations:Services:Orders:BaseUrl"] = servers.Orders.BaseUrl });
        // Operations forwards the operator's own token to Orders' operator endpoint.
        _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            TestTokens.Create([ApiAudiences.Operations, ApiAudiences.Orders], [Scopes.PaymentsOps], subject: "operator-ages"));
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Should_show_the_age_since_the_oldest_waiting_message_was_sent()
    {
        // The broker's counters are sampled every few seconds: its consumer count may lag.
        var idle = await Eventually.ValueAsync(() => QueueAsync(), q => q.Consumers == 1, TimeSpan.FromSeconds(20), "the collection's Orders to be counted", Ct);
        idle.OldestMessageAgeSeconds.ShouldBeNull("nothing is waiting");

        await using var bus = await TestBus.ConnectAsync(servers.Broker);
        await servers.Orders.StopAsync(Ct);
        await servers.OrdersPostgres.StopAsync(Ct);
        try
        {
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < Events; i++)
            {
                await bus.PublishAsync(PaymentEvents.Succeeded(Guid.NewGuid(), "pi_age_" + i));
            }

            var lastSent = clock.Elapsed;
            var waiting = await Eventually.ValueAsync(() => QueueAsync(ordersDown: true), q => q.Messages >= Events, TimeSpan.FromSeconds(20), "the broker to count the events", Ct);
            waiting.Consumers.ShouldBe(0);
            waiting.OldestMessageAgeSeconds.ShouldBeNull("no consumer holds one, and RabbitMQ does not know");

            await servers.Orders.StartAsync(waitUntilReady: false, cancellationToken: Ct); // not ready without its database
            TimeSpan readFrom, readUntil;
            QueueDepth held;
            do
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), Ct);
                clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(60), "Orders to take an event");
                readFrom = clock.Elapsed;
                held = await QueueAsync(ordersDown: true);
                readUntil = clock.Elapsed;
            }
            while (held.OldestMessageAgeSeconds is null);

            held.OldestMessageAgeFrom.ShouldBe(QueueAges.FromConsumers);
            var age = TimeSpan.FromSeconds(held.OldestMessageAgeSeconds.Value);
            // Orders took the event only after the broker had counted them all: an age from then would be smaller.
            age.ShouldBeGreaterThanOrEqualTo(readFrom - lastSent - TimeSpan.FromMilliseconds(50), "every event was sent before the last publish");
            age.ShouldBeLessThanOrEqualTo(readUntil + TimeSpan.FromMilliseconds(50), "none was sent before the first publish");
        }
        finally
        {
            await servers.OrdersPostgres.StartAsync(Ct);
            if (!servers.Orders.IsRunning)
            {
                await servers.Orders.StartAsync(waitUntilReady: false, cancellationToken: Ct);
            }
        }

        await servers.Orders.WaitUntilReadyAsync(TimeSpan.FromSeconds(60), Ct);
        await Eventually.TrueAsync(async () => (await QueueAsync()).OldestMessageAgeSeconds is null,
            TimeSpan.FromSeconds(60), "Orders to hold nothing once every event was dead-lettered", Ct);
    }

    private async Task<QueueDepth> QueueAsync(bool ordersDown = false)
    {
        var now = (await _client.GetFromJsonAsync<NowSnapshot>("/api/now", Ct)).ShouldNotBeNull();
        if (!ordersDown)
        {
            now.Unavailable.ShouldNotContain(u => u.Service == "orders consumers");
        }

        return now.Queues.ShouldNotBeNull().Single(q => q.Name == Queue);
    }
}
