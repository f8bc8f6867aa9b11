using Payments.ProviderSimulator.Tests.Hosting;

namespace Payments.ProviderSimulator.Tests.Configuration;

/// <summary>Start-up refuses bad configuration with a message naming the key, never echoing a secret.</summary>
public sealed class When_the_configuration_is_incomplete
{
    [Fact]
    public async Task Should_name_the_missing_api_keys()
    {
        await using var app = new SimulatorApp(new Dictionary<string, string?> { ["Simulator:ApiKeys:0"] = null });

        Should.Throw<Exception>(() => app.CreateClient()).ToString().ShouldContain("Simulator:ApiKeys");
    }

    [Fact]
    public async Task Should_name_the_missing_LiqPay_private_key()
    {
        await using var app = new SimulatorApp(new Dictionary<string, string?> { ["Simulator:LiqPay:PrivateKey"] = "" });

        Should.Throw<Exception>(() => app.CreateClient()).ToString().ShouldContain("Simulator:LiqPay:PrivateKey");
    }

    [Fact]
    public async Task Should_name_a_fault_rate_out_of_range()
    {
        await using var app = new SimulatorApp(new Dictionary<string, string?> { ["Simulator:Faults:DropRate"] = "1.5" });

        Should.Throw<Exception>(() => app.CreateClient()).ToString().ShouldContain("Simulator:Faults:DropRate");
    }

    [Fact]
    public async Task Should_name_an_endpoint_with_an_invalid_secret_without_revealing_it()
    {
        const string secret = "whsec_this is not base64!";
        await using var app = new SimulatorApp(new Dictionary<string, string?>
        {
            ["Simulator:Endpoints:acme:Scheme"] = "standard-webhooks",
            ["Simulator:Endpoints:acme:Url"] = "http://127.0.0.1:5080/webhooks/acme",
            ["Simulator:Endpoints:acme:Secret"] = secret,
        });

        var error = Should.Throw<Exception>(() => app.CreateClient()).ToString();

        error.ShouldContain("Simulator:Endpoints:acme:Secret");
        error.ShouldNotContain(secret);
    }

    [Fact]
    public async Task Should_name_a_configured_stripe_endpoint_without_a_secret()
    {
        await using var app = new SimulatorApp(new Dictionary<string, string?>
        {
            ["Simulator:Endpoints:ingress:Scheme"] = "stripe",
            ["Simulator:Endpoints:ingress:Url"] = "http://127.0.0.1:5080/webhooks/stripe",
        });

        Should.Throw<Exception>(() => app.CreateClient()).ToString().ShouldContain("Simulator:Endpoints:ingress:Secret");
    }
}
