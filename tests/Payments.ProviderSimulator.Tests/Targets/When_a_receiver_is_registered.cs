using System.Net.Http.Json;
using System.Text.Json;
using Payments.ProviderSimulator.Tests.Infrastructure;

namespace Payments.ProviderSimulator.Tests.Targets;

/// <summary>A receiver's signing secret is in the answer to its registration and nowhere after; LiqPay's private key is in none.</summary>
public sealed class When_a_receiver_is_registered : IAsyncLifetime
{
    private readonly SimulatorApp _app = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("stripe", null)]
    [InlineData("stripe", "whsec_chosen_by_the_caller_51c0")]
    [InlineData("standard-webhooks", null)]
    public async Task Should_show_its_secret_once(string scheme, string? secret)
    {
        var sim = _app.Sim();
        var registered = await sim.RegisterEndpointAsync(scheme, "http://127.0.0.1:9/hook", secret);
        var id = registered.GetProperty("id").GetString()!;
        var shown = registered.GetProperty("secret").GetString()!;

        var listed = await sim.EndpointsTextAsync();
        var retrieved = await sim.EndpointsTextAsync($"/sim/endpoints/{id}");

        shown.ShouldStartWith("whsec_");
        if (secret is not null)
        {
            shown.ShouldBe(secret);
        }

        listed.ShouldContain(id);
        listed.ShouldNotContain(shown);
        listed.ShouldNotContain("\"secret\"");
        retrieved.ShouldContain(id);
        retrieved.ShouldNotContain(shown);
        retrieved.ShouldNotContain("\"secret\"");
    }

    [Fact]
    public async Task Should_never_show_the_LiqPay_private_key()
    {
        var sim = _app.Sim();
        var registered = await sim.RegisterEndpointAsync("liqpay", "http://127.0.0.1:9/liqpay");
        var id = registered.GetProperty("id").GetString()!;

        var listed = await sim.EndpointsTextAsync();
        var retrieved = await sim.EndpointsTextAsync($"/sim/endpoints/{id}");

        registered.TryGetProperty("secret", out _).ShouldBeFalse();
        registered.GetRawText().ShouldNotContain(SimulatorApp.LiqPayPrivateKey);
        listed.ShouldNotContain(SimulatorApp.LiqPayPrivateKey);
        retrieved.ShouldNotContain(SimulatorApp.LiqPayPrivateKey);
    }

    [Fact]
    public async Task Should_not_show_the_secret_of_a_configured_receiver()
    {
        const string secret = "whsec_configured_receiver_secret_77aa";
        await using var app = new SimulatorApp(new Dictionary<string, string?>
        {
            ["Simulator:Endpoints:ingress:Scheme"] = "stripe",
            ["Simulator:Endpoints:ingress:Url"] = "http://127.0.0.1:9/webhooks/stripe",
            ["Simulator:Endpoints:ingress:Secret"] = secret,
        });

        var listed = await app.Sim().EndpointsTextAsync();
        var stripe = await app.Stripe().GetAsync("/v1/webhook_endpoints");

        listed.ShouldContain("we_config_ingress");
        listed.ShouldNotContain(secret);
        stripe.Body.GetRawText().ShouldContain("we_config_ingress");
        stripe.Body.GetRawText().ShouldNotContain(secret);
    }

    [Fact]
    public async Task Should_not_show_a_secret_in_the_deliveries()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var registered = await _app.Sim().RegisterEndpointAsync("stripe", receiver.Url("stripe"));
        var intent = await _app.Stripe().PostAsync("/v1/payment_intents",
            [("amount", 500), ("currency", "eur"), ("payment_method", "pm_card_visa"), ("confirm", true)]);
        await receiver.WaitForAsync("stripe", 2, "the created and succeeded events");

        var deliveries = await _app.Client(SimulatorApp.AdminKey)
            .GetFromJsonAsync<JsonElement>($"/sim/deliveries?payment_intent={intent.Id}", TestContext.Current.CancellationToken);

        deliveries.GetArrayLength().ShouldBeGreaterThan(0);
        deliveries.GetRawText().ShouldNotContain(registered.GetProperty("secret").GetString()!);
    }
}
