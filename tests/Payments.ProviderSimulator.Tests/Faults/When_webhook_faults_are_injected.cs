using System.Text.Json;
using Payments.ProviderSimulator.Tests.Infrastructure;
using Payments.ProviderSimulator.Tests.Stripe;
using Payments.Testing;

namespace Payments.ProviderSimulator.Tests.Faults;

/// <summary>Drop, duplicate and reorder, switched on at run time, happen exactly as /sim/deliveries and /sim/stats report them.</summary>
public sealed class When_webhook_faults_are_injected : WebhookFlowTest
{
    private const string Secret = "whsec_fault_test_secret_0001";

    private SimControls _sim = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _sim = App.Sim();
    }

    [Fact]
    public async Task Should_never_send_a_dropped_webhook_and_report_it_dropped()
    {
        await _sim.RegisterEndpointAsync("stripe", Receiver.Url("dropping"), Secret);
        await _sim.PutFaultsAsync(new { drop_rate = 1.0 });
        var dropped = await PayAsync(1000);

        await _sim.PutFaultsAsync(new { });
        var sentinel = await PayAsync(2000);
        var received = await Receiver.WaitForAsync("dropping", 2, "the sentinel payment's created and succeeded events");

        var deliveries = await _sim.DeliveriesAsync($"payment_intent={dropped}");
        deliveries.Select(d => d.GetProperty("event_type").GetString()).ShouldBe(["payment_intent.created", "payment_intent.succeeded"], ignoreOrder: true);
        deliveries.ShouldAllBe(d => d.GetProperty("state").GetString() == "dropped"
            && d.GetProperty("faults").GetProperty("dropped").GetBoolean()
            && d.GetProperty("attempts").GetArrayLength() == 0);
        received.Select(r => PaymentIntentOf(r)).ShouldAllBe(id => id == sentinel);
        var stats = await _sim.StatsAsync();
        stats.GetProperty("dropped").GetInt64().ShouldBe(2);
        stats.GetProperty("webhooks_sent").GetInt64().ShouldBe(2);
    }

    [Fact]
    public async Task Should_deliver_a_duplicated_webhook_twice_and_report_both_copies()
    {
        await _sim.RegisterEndpointAsync("stripe", Receiver.Url("doubling"), Secret, ["payment_intent.succeeded"]);
        await _sim.PutFaultsAsync(new { duplicate_rate = 1.0 });

        var intent = await PayAsync(1000);
        var received = await Receiver.WaitForAsync("doubling", 2, "the event and its duplicate");

        received.Select(r => EventIdOf(r)).Distinct().Count().ShouldBe(1);
        var deliveries = await _sim.DeliveriesAsync($"payment_intent={intent}");
        deliveries.Count.ShouldBe(2);
        var original = deliveries.Single(d => d.GetProperty("duplicate_of").ValueKind == JsonValueKind.Null);
        var copy = deliveries.Single(d => d.GetProperty("duplicate_of").ValueKind == JsonValueKind.String);
        original.GetProperty("faults").GetProperty("duplicated_as").GetString().ShouldBe(copy.GetProperty("id").GetString());
        copy.GetProperty("duplicate_of").GetString().ShouldBe(original.GetProperty("id").GetString());
        copy.GetProperty("event_id").GetString().ShouldBe(original.GetProperty("event_id").GetString());
        (await _sim.StatsAsync()).GetProperty("duplicated").GetInt64().ShouldBe(1);
    }

    [Fact]
    public async Task Should_send_a_held_back_webhook_after_the_next_one()
    {
        await _sim.RegisterEndpointAsync("stripe", Receiver.Url("reordering"), Secret);
        await _sim.PutFaultsAsync(new { reorder_rate = 1.0, reorder_hold_ms = 10_000 });

        var intent = await PayAsync(1000);
        var received = await Receiver.WaitForAsync("reordering", 2, "both events");

        received.OrderBy(r => r.Number).Select(r => TypeOf(r)).ShouldBe(["payment_intent.succeeded", "payment_intent.created"]);
        var deliveries = await _sim.DeliveriesAsync($"payment_intent={intent}");
        var created = deliveries.Single(d => d.GetProperty("event_type").GetString() == "payment_intent.created");
        var succeeded = deliveries.Single(d => d.GetProperty("event_type").GetString() == "payment_intent.succeeded");
        created.GetProperty("faults").GetProperty("reordered").GetBoolean().ShouldBeTrue();
        created.GetProperty("faults").GetProperty("released_after").GetString().ShouldBe(succeeded.GetProperty("id").GetString());
        succeeded.GetProperty("faults").GetProperty("reordered").GetBoolean().ShouldBeFalse();
        (await _sim.StatsAsync()).GetProperty("reordered").GetInt64().ShouldBe(1);
    }

    [Fact]
    public async Task Should_make_the_same_decisions_again_from_the_same_seed()
    {
        await _sim.RegisterEndpointAsync("stripe", Receiver.Url("seeded"), Secret, ["payment_intent.created"]);

        var first = await DroppedPatternAsync(seed: 42, payments: 8);
        var second = await DroppedPatternAsync(seed: 42, payments: 8);

        second.ShouldBe(first);
        first.ShouldContain(true);
        first.ShouldContain(false);
    }

    private async Task<List<bool>> DroppedPatternAsync(int seed, int payments)
    {
        await _sim.PutFaultsAsync(new { drop_rate = 0.5, seed });
        var pattern = new List<bool>();
        for (var i = 0; i < payments; i++)
        {
            var intent = await StripeApi.PostAsync("/v1/payment_intents", [("amount", 100 + i), ("currency", "eur")]);
            var delivery = (await _sim.DeliveriesAsync($"payment_intent={intent.Id}")).Single();
            pattern.Add(delivery.GetProperty("faults").GetProperty("dropped").GetBoolean());
        }

        return pattern;
    }

    private async Task<string> PayAsync(long amount) => (await StripeApi.PostAsync("/v1/payment_intents",
        [("amount", amount), ("currency", "eur"), ("payment_method", "pm_card_visa"), ("confirm", true)])).Id;

    private static string TypeOf(ReceivedRequest request)
    {
        using var document = JsonDocument.Parse(request.Body);
        return document.RootElement.GetProperty("type").GetString()!;
    }

    private static string EventIdOf(ReceivedRequest request)
    {
        using var document = JsonDocument.Parse(request.Body);
        return document.RootElement.GetProperty("id").GetString()!;
    }

    private static string PaymentIntentOf(ReceivedRequest request)
    {
        using var document = JsonDocument.Parse(request.Body);
        return document.RootElement.GetProperty("data").GetProperty("object").GetProperty("id").GetString()!;
    }
}
