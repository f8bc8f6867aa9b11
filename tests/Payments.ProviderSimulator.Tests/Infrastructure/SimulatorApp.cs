using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Payments.ProviderSimulator.Tests.Stripe;
using Payments.Testing.Hosting;

namespace Payments.ProviderSimulator.Tests.Infrastructure;

/// <summary>
/// The real simulator in-process. Its API is reached in memory; its webhooks go out over real HTTP (the
/// dispatcher's own HttpClient) to a <see cref="WebhookReceiver"/>. The retry schedule is compressed 10 000 times
/// (the 1-minute first retry takes 6 ms, the 3-day window 26 s), so retries are seen within a test. Outside the
/// Development environment (Testing by default) it says Simulator:AllowOutsideDevelopment and gives its own admin
/// key, as every deployment there must; in Development the development settings supply the admin key.
/// </summary>
public sealed class SimulatorApp(IReadOnlyDictionary<string, string?>? settings = null, string environment = "Testing")
    : WebApplicationFactory<Program>
{
    public const string ApiKey = "sk_test_simulator_tests_4f1c";
    public const string AdminKey = "sim_admin_simulator_tests_8e2a";
    public const string LiqPayPublicKey = "sandbox_i_simulator_tests";
    public const string LiqPayPrivateKey = "sandbox_simulator_tests_private_key_91b2";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        var all = new Dictionary<string, string?>
        {
            ["Simulator:ApiKeys:0"] = ApiKey,
            ["Simulator:LiqPay:PublicKey"] = LiqPayPublicKey,
            ["Simulator:LiqPay:PrivateKey"] = LiqPayPrivateKey,
            ["Simulator:TimeScale"] = "0.0001",
            ["Simulator:Delivery:Timeout"] = "00:00:05",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        if (environment != "Development")
        {
            all["Simulator:AllowOutsideDevelopment"] = "true";
            all["Simulator:AdminKeys:0"] = AdminKey;
        }

        builder.UseSettings(all, settings);
    }

    /// <summary>A client speaking Stripe's wire format with this simulator's API key.</summary>
    public StripeWireClient Stripe() => new(CreateClient(), ApiKey);

    /// <summary>The /sim controls, called with this simulator's admin key.</summary>
    public SimControls Sim() => new(Client(AdminKey));

    /// <summary>A client sending "Authorization: Bearer {key}" on every request (none when null).</summary>
    public HttpClient Client(string? bearer)
    {
        var client = CreateClient();
        if (bearer is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return client;
    }
}
