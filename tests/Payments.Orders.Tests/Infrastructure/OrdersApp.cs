using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Payments.ServiceDefaults.Security;
using Payments.Testing.Health;
using Payments.Testing.Hosting;
using Payments.Testing.Postgres;
using Payments.Testing.Security;

namespace Payments.Orders.Tests.Infrastructure;

/// <summary>The real Orders service in-process, on its own database, against the collection's broker.</summary>
public sealed class OrdersApp(string amqpUri, string postgres, string providerUrl, IReadOnlyDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    public string Postgres => postgres;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        var all = new Dictionary<string, string?>
        {
            ["ConnectionStrings:RabbitMq"] = amqpUri,
            ["ConnectionStrings:Postgres"] = postgres,
            ["Provider:BaseUrl"] = providerUrl,
            ["Provider:ApiKey"] = "sk_test_orders_tests",
            ["Provider:FallbackDelay"] = "00:00:01",
            ["Orders:PaymentEvents:NotFoundRetryIntervals:0"] = "100",
            ["Orders:PaymentEvents:NotFoundRetryIntervals:1"] = "300",
            ["Messaging:Outbox:PollInterval"] = "00:00:00.200",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        builder.UseSettings(all, TestTokens.Settings, settings);
    }

    /// <summary>
    /// Starts the host and waits until it is ready (schema migrated, broker connected). The client carries a token with
    /// every scope: the scopes themselves are Payments.Security.Tests' business.
    /// </summary>
    public async Task<HttpClient> StartAsync()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = TestTokens.Bearer(ApiAudiences.Orders, [.. Scopes.All]);
        await Readiness.WaitUntilReadyAsync(client, "Orders");
        return client;
    }

    public Task<T?> ScalarAsync<T>(string sql, params object[] parameters) => PostgresQueries.ScalarAsync<T>(postgres, sql, parameters);
}
