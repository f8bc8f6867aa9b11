using Payments.Messaging;
using Payments.Contracts;
using Payments.Ingress.Webhooks;
using Payments.Ingress.Webhooks.Schemes;
using Payments.Ingress.Webhooks.Schemes.Stripe;
using static Payments.Ingress.Tests.Schemes.SchemeTesting;

namespace Payments.Ingress.Tests.Schemes.Stripe;

public sealed class When_a_stripe_event_is_normalized
{
    private const string Succeeded = """
        {"id":"evt_1","object":"event","type":"payment_intent.succeeded","created":1700000000,
         "data":{"object":{"id":"pi_1","object":"payment_intent","amount":1234,"currency":"eur","metadata":{"order_id":"ord_42"}}}}
        """;

    private readonly StripeScheme _scheme = new();

    [Fact]
    public void Should_map_a_succeeded_payment_intent_to_the_canonical_event()
    {
        var evt = Normalize(Succeeded).ShouldBeNormalized();

        evt.ShouldBe(new PaymentEventReceived(
            EventIds.From("stripe", "evt_1"),
            Source: "stripe",
            Provider: "stripe",
            ProviderEventId: "evt_1",
            PaymentEventKind.Succeeded,
            ProviderPaymentId: "pi_1",
            OrderId: "ord_42",
            AmountMinor: 1234,
            Currency: "EUR",
            OccurredAt: DateTimeOffset.FromUnixTimeSeconds(1_700_000_000),
            ReceivedAt));
    }

    [Fact]
    public void Should_map_a_failed_payment_intent_to_failed() =>
        Normalize(Succeeded.Replace("payment_intent.succeeded", "payment_intent.payment_failed"))
            .ShouldBeNormalized().Kind.ShouldBe(PaymentEventKind.Failed);

    [Fact]
    public void Should_report_a_refunded_charge_against_its_payment_intent_without_an_order_id()
    {
        const string refunded = """
            {"id":"evt_2","type":"charge.refunded","created":1700000100,
             "data":{"object":{"id":"ch_1","object":"charge","payment_intent":"pi_1","amount":1234,"amount_refunded":500,"currency":"usd"}}}
            """;

        var evt = Normalize(refunded).ShouldBeNormalized();

        evt.Kind.ShouldBe(PaymentEventKind.Refunded);
        evt.ProviderPaymentId.ShouldBe("pi_1");
        evt.OrderId.ShouldBeNull();
        evt.AmountMinor.ShouldBe(500);
        evt.Currency.ShouldBe("USD");
    }

    [Fact]
    public void Should_keep_the_order_id_of_a_refunded_charge_when_its_metadata_has_one()
    {
        const string refunded = """
            {"id":"evt_2","type":"charge.refunded","created":1700000100,
             "data":{"object":{"payment_intent":"pi_1","amount_refunded":500,"currency":"usd","metadata":{"order_id":"ord_42"}}}}
            """;

        Normalize(refunded).ShouldBeNormalized().OrderId.ShouldBe("ord_42");
    }

    [Theory]
    [InlineData(",\"metadata\":{\"order_id\":\"ord_42\"}", "")]
    [InlineData("\"order_id\":\"ord_42\"", "\"order\":\"ord_42\"")]
    public void Should_accept_a_payment_intent_without_an_order_id_for_orders_to_resolve_by_payment_id(string find, string replace)
    {
        var evt = Normalize(Succeeded.Replace(find, replace, StringComparison.Ordinal)).ShouldBeNormalized();

        evt.OrderId.ShouldBeNull();
        evt.ProviderPaymentId.ShouldBe("pi_1");
    }

    [Theory]
    [InlineData("customer.created")]
    [InlineData("payment_intent.created")]
    [InlineData("charge.succeeded")]
    public void Should_ignore_event_types_it_does_not_handle(string type) =>
        Normalize(Succeeded.Replace("payment_intent.succeeded", type)).ShouldBeIgnoredAs(type);

    [Fact]
    public void Should_ignore_an_unhandled_type_without_validating_the_rest() =>
        Normalize("""{"type":"invoice.paid"}""").ShouldBeIgnoredAs("invoice.paid");

    [Theory]
    [InlineData("\"amount\":1234,", "", "data.object.amount")]
    [InlineData("\"amount\":1234", "\"amount\":\"1234\"", "data.object.amount")]
    [InlineData("\"amount\":1234", "\"amount\":-1", "data.object.amount")]
    [InlineData("\"amount\":1234", "\"amount\":12.5", "data.object.amount")]
    [InlineData("\"currency\":\"eur\"", "\"currency\":\"euro\"", "data.object.currency")]
    [InlineData("\"id\":\"pi_1\",", "", "data.object.id")]
    [InlineData("\"order_id\":\"ord_42\"", "\"order_id\":\"\"", "data.object.metadata.order_id")]
    [InlineData("\"created\":1700000000", "\"created\":\"yesterday\"", "created")]
    [InlineData("\"created\":1700000000", "\"created\":99999999999999", "created")]
    [InlineData("\"id\":\"evt_1\",", "", "id")]
    [InlineData("\"type\":\"payment_intent.succeeded\"", "\"type\":7", "type")]
    public void Should_name_the_path_of_a_missing_or_invalid_field(string find, string replace, string path) =>
        Normalize(Succeeded.Replace(find, replace)).ShouldBeMalformedAt(path);

    [Fact]
    public void Should_name_data_when_the_event_has_no_data() =>
        Normalize("""{"id":"evt_1","type":"payment_intent.succeeded","created":1700000000}""").ShouldBeMalformedAt("data");

    [Fact]
    public void Should_require_the_payment_intent_of_a_refunded_charge() =>
        Normalize("""{"id":"evt_2","type":"charge.refunded","created":1,"data":{"object":{"amount_refunded":5,"currency":"usd"}}}""")
            .ShouldBeMalformedAt("data.object.payment_intent");

    [Fact]
    public void Should_list_every_problem_in_one_answer()
    {
        var malformed = Normalize(Succeeded.Replace("\"amount\":1234", "\"amount\":null").Replace("\"eur\"", "\"e\""))
            .ShouldBeMalformedAt("data.object.amount");

        malformed.Errors.Keys.ShouldBe(["data.object.amount", "data.object.currency"], ignoreOrder: true);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("")]
    [InlineData("[1,2]")]
    [InlineData("\"payment_intent.succeeded\"")]
    [InlineData("{\"type\":")]
    public void Should_report_a_payload_that_is_not_a_json_object_at_the_root(string payload) =>
        Normalize(payload).ShouldBeMalformedAt("$");

    [Fact]
    public void Should_give_a_redelivered_event_the_same_event_id_and_another_source_a_different_one()
    {
        var first = Normalize(Succeeded).ShouldBeNormalized();
        var again = Normalize(Succeeded).ShouldBeNormalized();
        var elsewhere = _scheme.Normalize(Verified(Succeeded), Source("stripe-eu", _scheme, "whsec_x"), ReceivedAt).ShouldBeNormalized();

        again.EventId.ShouldBe(first.EventId);
        elsewhere.EventId.ShouldNotBe(first.EventId);
        elsewhere.Source.ShouldBe("stripe-eu");
        elsewhere.Provider.ShouldBe("stripe");
    }

    private NormalizationResult Normalize(string payload) =>
        _scheme.Normalize(Verified(payload), Source(_scheme, "whsec_x"), ReceivedAt);
}
