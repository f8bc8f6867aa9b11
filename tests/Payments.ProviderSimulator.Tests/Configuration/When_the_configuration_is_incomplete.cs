using Payments.ProviderSimulator.Tests.Infrastructure;

namespace Payments.ProviderSimulator.Tests.Configuration;

/// <summary>Start-up refuses bad configuration with a message naming the key, never echoing a secret.</summary>
public sealed class When_the_configuration_is_incomplete
{
    [Fact]
    public async Task Should_name_the_missing_api_keys() =>
        (await StartupFailureAsync(new() { ["Simulator:ApiKeys:0"] = null })).ShouldContain("Simulator:ApiKeys");

    [Theory]
    [InlineData("Testing")]
    [InlineData("Staging")]
    [InlineData("Production")]
    public async Task Should_refuse_to_start_outside_Development_unless_allowed(string environment)
    {
        var error = await StartupFailureAsync(new() { ["Simulator:AllowOutsideDevelopment"] = "false" }, environment);

        error.ShouldContain("Simulator:AllowOutsideDevelopment");
        error.ShouldContain($"'{environment}'");
    }

    [Fact]
    public async Task Should_name_the_missing_admin_keys_when_allowed_outside_Development() =>
        (await StartupFailureAsync(new() { ["Simulator:AdminKeys:0"] = null }, "Production")).ShouldContain("Simulator:AdminKeys");

    [Fact]
    public async Task Should_name_a_configured_endpoint_on_a_host_not_allowed()
    {
        var error = await StartupFailureAsync(new()
        {
            ["Simulator:Endpoints:partner:Scheme"] = "stripe",
            ["Simulator:Endpoints:partner:Url"] = "https://partner.example.com/webhooks",
            ["Simulator:Endpoints:partner:Secret"] = "whsec_partner_secret_0b7d",
        });

        error.ShouldContain("Simulator:Endpoints:partner:Url");
        error.ShouldContain("'partner.example.com'");
        error.ShouldContain("Simulator:AllowedReceiverHosts");
        error.ShouldNotContain("whsec_partner_secret_0b7d");
    }

    [Fact]
    public async Task Should_name_the_missing_LiqPay_private_key() =>
        (await StartupFailureAsync(new() { ["Simulator:LiqPay:PrivateKey"] = "" })).ShouldContain("Simulator:LiqPay:PrivateKey");

    [Fact]
    public async Task Should_name_a_fault_rate_out_of_range() =>
        (await StartupFailureAsync(new() { ["Simulator:Faults:DropRate"] = "1.5" })).ShouldContain("Simulator:Faults:DropRate");

    [Fact]
    public async Task Should_name_an_endpoint_with_an_invalid_secret_without_revealing_it()
    {
        const string secret = "whsec_this is not base64!";
        var error = await StartupFailureAsync(new()
        {
            ["Simulator:Endpoints:acme:Scheme"] = "standard-webhooks",
            ["Simulator:Endpoints:acme:Url"] = "http://127.0.0.1:5080/webhooks/acme",
            ["Simulator:Endpoints:acme:Secret"] = secret,
        });

        error.ShouldContain("Simulator:Endpoints:acme:Secret");
        error.ShouldNotContain(secret);
    }

    [Fact]
    public async Task Should_name_a_configured_stripe_endpoint_without_a_secret() =>
        (await StartupFailureAsync(new()
        {
            ["Simulator:Endpoints:ingress:Scheme"] = "stripe",
            ["Simulator:Endpoints:ingress:Url"] = "http://127.0.0.1:5080/webhooks/stripe",
        })).ShouldContain("Simulator:Endpoints:ingress:Secret");

    /// <summary>
    /// What start-up threw. Through WebApplicationFactory a failed start sometimes surfaces as ObjectDisposedException
    /// (the host is torn down while a hosted service still resolves a dependency) instead of the validation error the
    /// service reports; that race belongs to the test host, so such an attempt is repeated with a fresh host.
    /// </summary>
    private static async Task<string> StartupFailureAsync(Dictionary<string, string?> settings, string environment = "Testing")
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var app = new SimulatorApp(settings, environment);
            var failure = Should.Throw<Exception>(() => app.CreateClient());
            if (failure is not ObjectDisposedException || attempt == 5)
            {
                return failure.ToString();
            }
        }
    }
}
