using System.Net.Http.Json;
using Npgsql;
using Payments.Operations.DeadLetters;
using Payments.Operations.Tests.Infrastructure;
using Payments.ServiceDefaults.Security;
using Payments.Testing;
using Payments.Testing.Messaging;
using Payments.Testing.Security;
using Payments.Testing.Services;

namespace Payments.Operations.Tests.DeadLetters;

/// <summary>
/// Operations runs as a real process and is killed (SIGKILL) in the middle of replaying 500 dead letters. After a
/// restart, the same replay moves the rest; every event is applied by Orders exactly once, the one in flight at the
/// kill included.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class When_operations_is_killed_during_a_bulk_replay(Servers servers) : IAsyncLifetime
{
    private const int Orders = 50;
    private const int EventsPerOrder = 10;
    private ServiceProcess _operations = null!;
    private string _database = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await servers.Postgres.CreateDatabaseAsync("operations", TestContext.Current.CancellationToken);
        _operations = new ServiceProcess("Payments.Operations")
            .With("ConnectionStrings:RabbitMq", servers.Broker.AmqpUri)
            .With("ConnectionStrings:Postgres", _database)
            .With("Operations:Broker:ManagementUrl", $"http://127.0.0.1:{servers.Broker.ManagementPort}")
            .With("Operations:Services:Ingress:BaseUrl", OperationsApp.Unreachable)
            .With("Operations:Services:Orders:BaseUrl", servers.Orders.BaseUrl)
            .With("Operations:Services:Notifications:BaseUrl", OperationsApp.Unreachable)
            .With("Operations:Services:Reconciliation:BaseUrl", OperationsApp.Unreachable)
            .With("Operations:DeadLetters:Queues:0", "orders-payment-events_error")
            .With("Operations:DeadLetters:MissingQueueRetry", "00:00:00.200")
            .With("Logging:LogLevel:Default", "Warning");
        await _operations.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync() => await _operations.DisposeAsync();

    [Fact]
    public async Task Should_replay_the_rest_on_the_next_run_and_apply_each_once()
    {
        var token = TestContext.Current.CancellationToken;
        using var client = new HttpClient { BaseAddress = new Uri(_operations.BaseUrl) };
        client.DefaultRequestHeaders.Authorization = TestTokens.Bearer(ApiAudiences.Operations, Scopes.PaymentsOps);
        var orders = Enumerable.Range(0, Orders).Select(_ => (Id: Guid.NewGuid(), Payment: "pi_" + Guid.NewGuid().ToString("N")[..20])).ToList();
        await using var bus = await TestBus.ConnectAsync(servers.Broker);
        foreach (var (id, payment) in orders)
        {
            for (var i = 0; i < EventsPerOrder; i++)
            {
                await bus.PublishAsync(PaymentEvents.Succeeded(id, payment));
            }
        }

        const int total = Orders * EventsPerOrder;
        await Eventually.TrueAsync(async () => await CountAsync("state = 'dead'") == total, TimeSpan.FromSeconds(90), $"{total} dead letters stored", token);
        foreach (var (id, payment) in orders)
        {
            await servers.OrdersDatabase.CreateOrderAsync(id, payment);
        }

        var filter = new { filter = new { queue = "orders-payment-events_error", reason = "OrderNotFound" } };
        var replay = client.PostAsJsonAsync(new Uri("/api/dead-letters/replay", UriKind.Relative), filter, token);
        await Eventually.TrueAsync(async () => await CountAsync("state = 'replayed'") >= 20, TimeSpan.FromSeconds(30), "the replay under way", token);
        await _operations.KillAsync();
        await Should.ThrowAsync<HttpRequestException>(replay);
        var before = await CountAsync("state = 'replayed'");
        before.ShouldBeLessThan(total, "killed before the replay finished");

        await _operations.StartAsync(cancellationToken: token);
        using (var again = await client.PostAsJsonAsync(new Uri("/api/dead-letters/replay", UriKind.Relative), filter, token))
        {
            again.EnsureSuccessStatusCode();
            (await again.Content.ReadFromJsonAsync<ReplayResult>(token))!.Replayed.ShouldBe((int)(total - before));
        }

        (await CountAsync("state = 'replayed'")).ShouldBe(total);
        var ids = orders.Select(o => o.Id).ToList();
        await Eventually.TrueAsync(async () => await servers.OrdersDatabase.EventCountAsync(ids) >= total, TimeSpan.FromSeconds(60),
            "every replayed event applied", token);
        // Orders consumes one at a time: a later event applied means every replayed copy before it was handled.
        var (later, laterPayment) = await servers.OrdersDatabase.CreateOrderAsync();
        await bus.PublishAsync(PaymentEvents.Succeeded(later, laterPayment));
        await Eventually.TrueAsync(async () => await servers.OrdersDatabase.StatusAsync(later) == "paid", TimeSpan.FromSeconds(20), "a later event applied", token);
        (await servers.OrdersDatabase.EventCountAsync(ids)).ShouldBe(total);
    }

    private async Task<long> CountAsync(string where)
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM deadletters.messages WHERE {where}", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
