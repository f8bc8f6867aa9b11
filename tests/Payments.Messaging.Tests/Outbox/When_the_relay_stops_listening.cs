using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Payments.Messaging.Outbox;
using Payments.Messaging.Tests.Infrastructure;
using Payments.Testing;
using Payments.Testing.Messaging;

namespace Payments.Messaging.Tests.Outbox;

/// <summary>
/// Pooled connections are not reset when they are returned (PoolSettings), so the relay must not hand its LISTEN
/// connection back to the pool still listening: whoever took it next would receive the outbox's notifications.
/// </summary>
[Collection(MessagingCollection.Name)]
public sealed class When_the_relay_stops_listening(MessagingServers servers) : IAsyncLifetime
{
    private MessagingScenario _scenario = null!;

    public async ValueTask InitializeAsync() => _scenario = await MessagingScenario.CreateAsync(servers);

    public async ValueTask DisposeAsync() => await _scenario.DisposeAsync();

    [Fact]
    public async Task Should_leave_no_pooled_connection_listening()
    {
        var ct = TestContext.Current.CancellationToken;
        var services = _scenario.Host.Services;
        var relay = services.GetServices<IHostedService>().OfType<OutboxRelay>().Single();
        await Eventually.TrueAsync(async () => await _scenario.Host.ScalarAsync<long>(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%'") == 1,
            TimeSpan.FromSeconds(10), "the relay to listen", ct);

        await relay.StopAsync(ct);

        // Every idle connection of the pool is handed out before a new one is opened: take more than it holds.
        var dataSource = services.GetRequiredService<NpgsqlDataSource>();
        var connections = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => dataSource.OpenConnectionAsync(ct).AsTask()));
        try
        {
            foreach (var connection in connections)
            {
                await using var channels = new NpgsqlCommand("SELECT count(*) FROM pg_listening_channels()", connection);
                ((long)(await channels.ExecuteScalarAsync(ct))!).ShouldBe(0L);
            }
        }
        finally
        {
            foreach (var connection in connections)
            {
                await connection.DisposeAsync();
            }
        }
    }
}
