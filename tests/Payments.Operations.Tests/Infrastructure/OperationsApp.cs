using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;
using Payments.ServiceDefaults.Security;
using Payments.Testing;
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
        await Eventually.TrueAsync(
            async () => (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).IsSuccessStatusCode,
            TimeSpan.FromSeconds(60), "Operations to become ready", TestContext.Current.CancellationToken);
        return (app, client);
    }

    public async Task<T?> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)Convert.ChangeType(value, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

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
        foreach (var (key, value) in TestTokens.Settings.Concat(settings ?? new Dictionary<string, string?>()))
        {
            all[key] = value;
        }

        foreach (var (key, value) in all)
        {
            builder.UseSetting(key, value);
        }
    }
}
