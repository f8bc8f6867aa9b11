using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Payments.Messaging.Broker;
using Payments.Messaging.Outbox;
using Payments.ServiceDefaults;
using Payments.Testing.Health;
using Payments.Testing.Postgres;

namespace Payments.Messaging.Tests.Infrastructure;

/// <summary>
/// The library hosted the way a service hosts it, and nothing else: the service defaults, its database (with a script
/// of its own) and the outbox through the registrations the services call, the health endpoints and the outbox's
/// operator endpoints, on an in-memory server. Who may call those endpoints is Payments.Security.Tests' business.
/// </summary>
public sealed class MessagingHost : IAsyncDisposable
{
    private const string ConnectionName = "payments-messaging-tests"; // as the broker shows the connection

    private readonly WebApplication _app;
    private readonly string _database;
    private bool _started;

    public MessagingHost(string amqpUri, string database, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["ConnectionStrings:RabbitMq"] = amqpUri,
            ["ConnectionStrings:Postgres"] = database,
            ["Messaging:Outbox:PollInterval"] = "00:00:00.200",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(all);
        builder.AddServiceDefaults();
        builder.AddServiceDatabase(typeof(MessagingHost).Assembly).AddOutbox(ConnectionName);
        // What the host publishes, as a service lists its own: Messaging:Broker:Subscribers may name these.
        builder.Services.Configure<PublisherOptions>(o => o.RequiredMessageTypes.AddRange([typeof(RelayProbe), typeof(OtherProbe)]));

        _app = builder.Build();
        _app.MapDefaultEndpoints();
        _app.MapOutboxAdmin();
        _database = database;
    }

    public IServiceProvider Services => _app.Services;

    public HttpClient Client { get; private set; } = null!;

    /// <summary>Starts the host (configuration validated) and waits until it is ready (schema migrated, broker connected, topology declared).</summary>
    public async Task<HttpClient> StartAsync()
    {
        await _app.StartAsync(TestContext.Current.CancellationToken);
        _started = true;
        Client = _app.GetTestClient();
        await Readiness.WaitUntilReadyAsync(Client, "the test host");
        return Client;
    }

    public Task<T?> ScalarAsync<T>(string sql, params object[] parameters) => PostgresQueries.ScalarAsync<T>(_database, sql, parameters);

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        if (_started) // one whose start was refused (its configuration, say) has nothing to stop
        {
            await _app.StopAsync(CancellationToken.None);
        }

        await _app.DisposeAsync();
    }
}
