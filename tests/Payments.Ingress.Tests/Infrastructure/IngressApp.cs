using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Payments.Testing.Health;
using Payments.Testing.Hosting;

namespace Payments.Ingress.Tests.Infrastructure;

/// <summary>
/// The real ingress in-process against a real broker. Each instance requires its own queue, so tests sharing a
/// broker never see each other's messages, and the queue has never had a consumer.
/// </summary>
public sealed class IngressApp(string amqpUri, IReadOnlyDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    public string Queue { get; } = $"ingress-test-{Guid.NewGuid():N}";

    public CapturedLogs Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        var all = new Dictionary<string, string?>
        {
            ["ConnectionStrings:RabbitMq"] = amqpUri,
            ["Ingress:Broker:RequiredQueues:0"] = Queue,
            ["Ingress:Broker:ConfirmTimeout"] = "00:00:03",
            ["Ingress:Sources:stripe:Scheme"] = "stripe",
            ["Ingress:Sources:stripe:Secrets:0"] = TestSecrets.Stripe,
            ["Ingress:Sources:stripe:Secrets:1"] = TestSecrets.StripeRotated,
            ["Ingress:Sources:acme:Scheme"] = "standard-webhooks",
            ["Ingress:Sources:acme:Secrets:0"] = TestSecrets.StandardWebhooks,
            ["Ingress:Sources:liqpay:Scheme"] = "liqpay",
            ["Ingress:Sources:liqpay:Secrets:0"] = TestSecrets.LiqPay,
            ["Ingress:Sources:hub:Scheme"] = "github",
            ["Ingress:Sources:hub:Secrets:0"] = TestSecrets.GitHub,
            ["Ingress:MaxBodyBytes"] = "4096",
        };
        foreach (var source in new[] { "stripe", "acme", "liqpay", "hub" })
        {
            // Tests send as fast as they can; the rate limit's own tests set theirs.
            all[$"Ingress:Sources:{source}:RateLimit:PermitsPerSecond"] = "100000";
            all[$"Ingress:Sources:{source}:RateLimit:Burst"] = "100000";
        }

        builder.UseSettings(all, settings);

        builder.ConfigureLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Debug));
    }

    /// <summary>A client, once the ingress reports ready (connected, topology declared).</summary>
    public async Task<HttpClient> ReadyClientAsync()
    {
        var client = CreateClient();
        await Readiness.WaitUntilReadyAsync(client, "the ingress", TimeSpan.FromSeconds(30));
        return client;
    }

    /// <summary>
    /// Serves on a real socket (Kestrel on a free port) rather than the test server, for tests that write raw bytes at
    /// their own pace; answers its address once ready.
    /// </summary>
    public async Task<Uri> StartOnSocketAsync()
    {
        UseKestrel(0);
        StartServer();
        var address = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        await ReadyClientAsync();
        return address;
    }
}
