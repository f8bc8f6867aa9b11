using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Payments.ServiceDefaults.Security;
using Payments.Testing;
using Payments.Testing.Health;
using Payments.Testing.Hosting;
using Payments.Testing.Postgres;
using Payments.Testing.RabbitMq;
using Payments.Testing.Security;

namespace Payments.Operations.Tests.Infrastructure;

/// <summary>
/// The real Operations service in-process on a fresh database. The owning services' base URLs default to an address
/// where nothing listens; a test that needs one passes its own (Operations:Services:Orders:BaseUrl, ...).
/// </summary>
public sealed class OperationsApp(string amqpUri, string postgres, IReadOnlyDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    public const string Unreachable = "http://127.0.0.1:1";

    public string Postgres => postgres;

    /// <summary>Starts on a fresh database and waits until ready; the client carries an operator token for Operations.</summary>
    public static async Task<(OperationsApp App, HttpClient Client)> StartAsync(
        RabbitMqFixture broker, PostgresFixture server, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Operations:Broker:ManagementUrl"] = $"http://127.0.0.1:{broker.ManagementPort}",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var app = new OperationsApp(broker.AmqpUri, await server.CreateDatabaseAsync("operations", TestContext.Current.CancellationToken), all);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = TestTokens.Bearer(ApiAudiences.Operations, Scopes.PaymentsOps);
        await Readiness.WaitUntilReadyAsync(client, "Operations");
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
            ["Operations:Services:Ingress:BaseUrl"] = Unreachable,
            ["Operations:Services:Orders:BaseUrl"] = Unreachable,
            ["Operations:Services:Notifications:BaseUrl"] = Unreachable,
            ["Operations:Services:Reconciliation:BaseUrl"] = Unreachable,
            ["Operations:DeadLetters:Queues:0"] = "orders-payment-events_error",
            ["Operations:DeadLetters:MissingQueueRetry"] = "00:00:00.200",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.Extensions.Diagnostics.HealthChecks"] = "None",
        };
        builder.UseSettings(all, TestTokens.Settings, settings);
    }
}
