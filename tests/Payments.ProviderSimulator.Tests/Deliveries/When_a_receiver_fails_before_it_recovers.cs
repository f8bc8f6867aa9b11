using System.Text.Json;
using Payments.ProviderSimulator.Tests.Infrastructure;
using Payments.ProviderSimulator.Tests.Signing;
using Payments.Testing;

namespace Payments.ProviderSimulator.Tests.Deliveries;

/// <summary>Anything but a 2xx is retried on the (compressed) exponential schedule, never sooner than Retry-After asks.</summary>
public sealed class When_a_receiver_fails_before_it_recovers : IAsyncLifetime
{
    private const string Secret = "whsec_retry_test_secret_0001";

    private readonly SimulatorApp _app = new();
    private WebhookReceiver _receiver = null!;

    public async ValueTask InitializeAsync() => _receiver = await WebhookReceiver.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    [Fact]
    public async Task Should_retry_after_the_Retry_After_it_asked_for_until_it_answers_2xx()
    {
        _receiver.Reply("busy", attempt => attempt <= 2 ? new ReceiverReply(503, RetryAfter: "1") : ReceiverReply.Ok);
        var sim = _app.Sim();
        await sim.RegisterEndpointAsync("stripe", _receiver.Url("busy"), Secret, ["payment_intent.succeeded"]);

        var intent = await _app.Stripe().PostAsync("/v1/payment_intents",
            [("amount", 700), ("currency", "eur"), ("payment_method", "pm_card_visa"), ("confirm", true)]);
        var attempts = await _receiver.WaitForAsync("busy", 3, "two refusals and the accepted retry");
        var delivery = await Eventually.ValueAsync(
            async () => (await sim.DeliveriesAsync($"payment_intent={intent.Id}")).Single(),
            d => d.GetProperty("state").GetString() == "delivered",
            because: "the delivery to be recorded as delivered",
            cancellationToken: TestContext.Current.CancellationToken);

        attempts.Count.ShouldBe(3);
        (attempts[1].ReceivedAt - attempts[0].ReceivedAt).ShouldBeGreaterThan(TimeSpan.FromMilliseconds(950));
        (attempts[2].ReceivedAt - attempts[1].ReceivedAt).ShouldBeGreaterThan(TimeSpan.FromMilliseconds(950));
        attempts.Select(a => a.Text).Distinct().Count().ShouldBe(1, "a retry resends the same event");
        foreach (var attempt in attempts)
        {
            IndependentSignatures.StripeVerifies(attempt.Header("Stripe-Signature"), Secret, attempt.Body, out _).ShouldBeTrue();
        }

        delivery.GetProperty("attempts").EnumerateArray().Select(a => a.GetProperty("status_code").GetInt32()).ShouldBe([503, 503, 200]);
        var stats = await sim.StatsAsync();
        stats.GetProperty("failed_attempts").GetInt64().ShouldBe(2);
        stats.GetProperty("retried").GetInt64().ShouldBe(2);
        stats.GetProperty("delivered").GetInt64().ShouldBe(1);
    }

    [Fact]
    public async Task Should_give_up_once_the_retry_window_is_spent()
    {
        await using var app = new SimulatorApp(new Dictionary<string, string?> { ["Simulator:Delivery:RetryWindow"] = "00:30:00" });
        _receiver.Reply("down", _ => new ReceiverReply(500));
        var sim = app.Sim();
        await sim.RegisterEndpointAsync("stripe", _receiver.Url("down"), Secret, ["payment_intent.succeeded"]);

        var intent = await app.Stripe().PostAsync("/v1/payment_intents",
            [("amount", 700), ("currency", "eur"), ("payment_method", "pm_card_visa"), ("confirm", true)]);
        var delivery = await Eventually.ValueAsync(
            async () => (await sim.DeliveriesAsync($"payment_intent={intent.Id}")).Single(),
            d => d.GetProperty("state").GetString() == "gave_up",
            because: "the 30-minute window (180 ms at this time scale) to run out",
            cancellationToken: TestContext.Current.CancellationToken);

        var attempts = delivery.GetProperty("attempts").GetArrayLength();
        attempts.ShouldBeGreaterThan(1);
        _receiver.Received("down").Count.ShouldBe(attempts);
        (await sim.StatsAsync()).GetProperty("gave_up").GetInt64().ShouldBe(1);
    }

    [Fact]
    public async Task Should_stop_retrying_to_a_receiver_that_was_removed()
    {
        _receiver.Reply("removed", _ => new ReceiverReply(503, RetryAfter: "2"));
        var sim = _app.Sim();
        var endpoint = await sim.RegisterEndpointAsync("stripe", _receiver.Url("removed"), Secret, ["payment_intent.succeeded"]);
        var intent = await _app.Stripe().PostAsync("/v1/payment_intents",
            [("amount", 700), ("currency", "eur"), ("payment_method", "pm_card_visa"), ("confirm", true)]);
        await _receiver.WaitForAsync("removed", 1, "the first attempt");

        var removed = await _app.Client(SimulatorApp.AdminKey).DeleteAsync($"/sim/endpoints/{endpoint.GetProperty("id").GetString()}", TestContext.Current.CancellationToken);
        var delivery = await Eventually.ValueAsync(
            async () => (await sim.DeliveriesAsync($"payment_intent={intent.Id}")).Single(),
            d => d.GetProperty("state").GetString() == "cancelled",
            because: "the retry to find its receiver gone",
            cancellationToken: TestContext.Current.CancellationToken);

        removed.IsSuccessStatusCode.ShouldBeTrue();
        delivery.GetProperty("attempts").GetArrayLength().ShouldBe(1);
        _receiver.Received("removed").Count.ShouldBe(1);
        delivery.GetProperty("next_attempt_at").ValueKind.ShouldBe(JsonValueKind.Null);
    }
}
