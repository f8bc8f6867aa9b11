using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Payments.ProviderSimulator.Tests.Stripe;

namespace Payments.ProviderSimulator.Tests.Hosting;

/// <summary>
/// The real simulator in-process. Its API is reached in memory; its webhooks go out over real HTTP (the
/// dispatcher's own HttpClient) to a <see cref="WebhookReceiver"/>. The retry schedule is compressed 10 000 times
/// (the 1-minute first retry takes 6 ms, the 3-day window 26 s), so retries are seen within a test.
/// </summary>
public sealed class SimulatorApp(IReadOnlyDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    public const string ApiKey = "sk_test_simulator_tests_4f1c";
    public const string LiqPayPublicKey = "sandbox_i_simulator_tests";
    public const string LiqPayPrivateKey = "sandbox_simulator_tests_private_key_91b2";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        var all = new Dictionary<string, string?>
        {
            ["Simulator:ApiKeys:0"] = ApiKey,
            ["Simulator:LiqPay:PublicKey"] = LiqPayPublicKey,
            ["Simulator:LiqPay:PrivateKey"] = LiqPayPrivateKey,
            ["Simulator:TimeScale"] = "0.0001",
            ["Simulator:Delivery:Timeout"] = "00:00:05",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        foreach (var (key, value) in all)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>A client speaking Stripe's wire format with this simulator's API key.</summary>
    public StripeWireClient Stripe() => new(CreateClient(), ApiKey);

    public SimControls Sim() => new(CreateClient());
}
