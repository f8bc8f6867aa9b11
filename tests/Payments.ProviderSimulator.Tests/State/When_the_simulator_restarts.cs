using System.Globalization;
using System.Net;
using System.Text.Json;
using Payments.ProviderSimulator.Tests.Infrastructure;
using Payments.ProviderSimulator.Tests.Signing;

namespace Payments.ProviderSimulator.Tests.State;

/// <summary>With Simulator:StatePath, payments, receivers (still signing with their secrets, never shown again) and idempotent answers outlive a restart.</summary>
public sealed class When_the_simulator_restarts : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("simulator-state-").FullName;

    private string StatePath => Path.Combine(_directory, "state.json");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Should_keep_payments_receivers_and_idempotent_answers()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        string intentId, endpointId, endpointSecret, firstAnswer;
        (string, object?)[] parameters =
        [
            ("amount", 3300), ("currency", "eur"), ("metadata", new Dictionary<string, object?> { ["order_id"] = "order-r-1" }),
            ("payment_method", "pm_card_visa"), ("confirm", true),
        ];
        await using (var before = Start())
        {
            var created = await before.Stripe().PostAsync("/v1/payment_intents", parameters, idempotencyKey: "restart-key");
            var endpoint = await before.Sim().RegisterEndpointAsync("standard-webhooks", receiver.Url("restart"));
            (intentId, firstAnswer) = (created.Id, created.Body.GetRawText());
            (endpointId, endpointSecret) = (endpoint.GetProperty("id").GetString()!, endpoint.GetProperty("secret").GetString()!);
        }

        await using var after = Start();
        var stripe = after.Stripe();
        var retrieved = await stripe.GetAsync($"/v1/payment_intents/{intentId}");
        var replayed = await stripe.PostAsync("/v1/payment_intents", parameters, idempotencyKey: "restart-key");
        var endpoints = await after.Sim().EndpointsTextAsync();
        var next = await stripe.PostAsync("/v1/payment_intents", [("amount", 100), ("currency", "eur"), ("payment_method", "pm_card_visa"), ("confirm", true)]);
        var list = await stripe.GetAsync("/v1/payment_intents");
        var webhook = (await receiver.WaitForAsync("restart", 1, "the succeeded message of the payment made after the restart")).Single();

        retrieved.Status.ShouldBe(HttpStatusCode.OK);
        retrieved.String("status").ShouldBe("succeeded");
        replayed.Header("Idempotent-Replayed").ShouldBe("true");
        replayed.Body.GetRawText().ShouldBe(firstAnswer);
        using var registered = JsonDocument.Parse(endpoints);
        registered.RootElement.EnumerateArray().ShouldContain(e => e.GetProperty("id").GetString() == endpointId);
        endpoints.ShouldNotContain(endpointSecret);
        var timestamp = long.Parse(webhook.Header("webhook-timestamp"), CultureInfo.InvariantCulture);
        webhook.Header("webhook-signature").Split(' ')
            .ShouldContain(IndependentSignatures.StandardWebhooks(endpointSecret, webhook.Header("webhook-id"), timestamp, webhook.Body));
        list.Body.GetProperty("data").EnumerateArray().Select(p => p.GetProperty("id").GetString()).ShouldBe([next.Id, intentId]);
    }

    [Fact]
    public async Task Should_refuse_to_start_from_a_file_that_is_not_its_state()
    {
        await File.WriteAllTextAsync(StatePath, "{ \"not\": \"a simulator state\" ", TestContext.Current.CancellationToken);
        await using var app = Start();

        Should.Throw<Exception>(() => app.CreateClient()).ToString().ShouldContain("Simulator:StatePath");
    }

    private SimulatorApp Start() => new(new Dictionary<string, string?> { ["Simulator:StatePath"] = StatePath });
}
