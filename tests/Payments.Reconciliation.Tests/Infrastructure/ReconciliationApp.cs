using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Payments.ServiceDefaults.Security;
using Payments.Testing.Health;
using Payments.Testing.Hosting;
using Payments.Testing.Postgres;
using Payments.Testing.Security;
using Payments.Testing.RabbitMq;

namespace Payments.Reconciliation.Tests.Infrastructure;

/// <summary>
/// The real Reconciliation service in-process, on a fresh database, with housekeeping fast enough for a test
/// (checks after 2 s, passes every 300 ms) and a provider circuit that opens and closes within seconds.
/// </summary>
public sealed class ReconciliationApp(
    string amqpUri, string postgres, string providerUrl, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    : WebApplicationFactory<Program>
{
    public string Postgres => postgres;

    /// <summary>
    /// Starts on a fresh database (or <paramref name="database"/>, one a test prepared) and an empty queue, and waits
    /// until ready (schema migrated, queue bound). <paramref name="services"/> changes the app's services after its own
    /// registrations.
    /// </summary>
    public static async Task<(ReconciliationApp App, HttpClient Client)> StartAsync(
        RabbitMqFixture broker, Payments.Testing.Postgres.PostgresFixture server, string providerUrl,
        IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null, string? database = null)
    {
        // Orders' events left from an earlier test class would otherwise be this one's first messages.
        await broker.DeleteQueueAsync(ReconciliationExtensions.OrderEventsQueue, TestContext.Current.CancellationToken);
        var app = new ReconciliationApp(broker.AmqpUri, database ?? await server.CreateDatabaseAsync("reconciliation", TestContext.Current.CancellationToken), providerUrl, settings, services);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = TestTokens.Bearer(ApiAudiences.Reconciliation, Scopes.PaymentsOps);
        await Readiness.WaitUntilReadyAsync(client, "Reconciliation");
        return (app, client);
    }

    public Task<T?> ScalarAsync<T>(string sql, params object[] parameters) => PostgresQueries.ScalarAsync<T>(postgres, sql, parameters);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        var all = new Dictionary<string, string?>
        {
            ["ConnectionStrings:RabbitMq"] = amqpUri,
            ["ConnectionStrings:Postgres"] = postgres,
            ["Provider:BaseUrl"] = providerUrl,
            ["Provider:ApiKey"] = Keys.ApiKey,
            ["Provider:LiqPay:PublicKey"] = Keys.LiqPayPublicKey,
            ["Provider:LiqPay:PrivateKey"] = Keys.LiqPayPrivateKey,
            ["Provider:Resilience:AttemptTimeout"] = "00:00:01",
            ["Provider:Resilience:RetryDelay"] = "00:00:00.050",
            ["Provider:Resilience:BreakerMinimumThroughput"] = "4",
            ["Provider:Resilience:BreakerSamplingDuration"] = "00:00:02",
            ["Provider:Resilience:BreakerBreakDuration"] = "00:00:01",
            ["Reconciliation:Interval"] = "00:00:00.300",
            ["Reconciliation:StaleAfter"] = "00:00:02",
            ["Reconciliation:MaxCheckInterval"] = "00:00:04",
            ["Reconciliation:GiveUpAfter"] = "00:05:00",
            ["Messaging:Outbox:PollInterval"] = "00:00:00.200",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.Extensions.Diagnostics.HealthChecks"] = "None",
        };
        builder.UseSettings(all, TestTokens.Settings, settings);

        if (services is not null)
        {
            builder.ConfigureTestServices(services);
        }
    }
}
