using Npgsql;
using Payments.Testing.Messaging;

namespace Payments.Messaging.Tests.Infrastructure;

/// <summary>A fresh database, the test host (one instance or several on that database) and a bus connection.</summary>
public sealed class MessagingScenario : IAsyncDisposable
{
    private readonly List<MessagingHost> _hosts = [];

    private MessagingScenario(MessagingServers servers, string database, TestBus bus)
    {
        Servers = servers;
        Database = database;
        Bus = bus;
    }

    public MessagingServers Servers { get; }

    public string Database { get; }

    public TestBus Bus { get; }

    /// <summary>The first instance running.</summary>
    public MessagingHost Host => _hosts[0];

    public HttpClient Client => Host.Client;

    public static async Task<MessagingScenario> CreateAsync(MessagingServers servers, IReadOnlyDictionary<string, string?>? settings = null, bool start = true)
    {
        var scenario = new MessagingScenario(servers,
            await servers.Postgres.CreateDatabaseAsync("messaging", TestContext.Current.CancellationToken), await TestBus.ConnectAsync(servers.Broker));
        if (start)
        {
            await scenario.StartHostAsync(settings);
        }

        return scenario;
    }

    /// <summary>Another instance on the same database and broker (or the first one).</summary>
    public async Task<HttpClient> StartHostAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var host = new MessagingHost(Servers.Broker.AmqpUri, Database, settings);
        _hosts.Add(host); // before it starts: one that fails to start is stopped with the others
        return await host.StartAsync();
    }

    public async Task StopHostsAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }

        _hosts.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        await StopHostsAsync();
        // Tests read this database through Npgsql's global pool (its connection string is the database's own): close
        // those idle connections now, or every finished test leaves some behind until the server refuses new clients.
        await using var pooled = new NpgsqlConnection(Database);
        NpgsqlConnection.ClearPool(pooled);
        await Bus.DisposeAsync();
    }
}
