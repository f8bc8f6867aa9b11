using Payments.Messaging;
using Payments.Contracts;
using Payments.Ingress.Webhooks;
using Payments.Ingress.Webhooks.Schemes;
using Payments.Ingress.Webhooks.Schemes.StandardWebhooks;
using static Payments.Ingress.Tests.Schemes.SchemeTesting;

namespace Payments.Ingress.Tests.Schemes.StandardWebhooks;

public sealed class When_a_standard_webhooks_event_is_normalized
{
    private const string Succeeded = """
        {"type":"payment.succeeded","timestamp":"2024-05-01T11:59:30.5+02:00",
         "data":{"payment_id":"pay_1","order_id":"ord_42","amount":1999,"currency":"usd"}}
        """;

    private readonly StandardWebhooksScheme _scheme = new();

    [Fact]
    public void Should_map_a_payment_to_the_canonical_event_keyed_by_the_webhook_id()
    {
        var evt = Normalize(Succeeded).ShouldBeNormalized();

        evt.ShouldBe(new PaymentEventReceived(
            EventIds.From("acme", "msg_1"),
            Source: "acme",
            Provider: "standard-webhooks",
            ProviderEventId: "msg_1",
            PaymentEventKind.Succeeded,
            ProviderPaymentId: "pay_1",
            OrderId: "ord_42",
            AmountMinor: 1999,
            Currency: "USD",
            OccurredAt: new DateTimeOffset(2024, 5, 1, 9, 59, 30, 500, TimeSpan.Zero),
            ReceivedAt));
    }

    [Theory]
    [InlineData("payment.succeeded", PaymentEventKind.Succeeded)]
    [InlineData("payment.failed", PaymentEventKind.Failed)]
    [InlineData("payment.refunded", PaymentEventKind.Refunded)]
    public void Should_map_each_payment_type_to_its_kind(string type, PaymentEventKind kind) =>
        Normalize(Succeeded.Replace("payment.succeeded", type)).ShouldBeNormalized().Kind.ShouldBe(kind);

    [Fact]
    public void Should_leave_the_order_id_empty_when_the_sender_omits_it() =>
        Normalize(Succeeded.Replace("\"order_id\":\"ord_42\",", "")).ShouldBeNormalized().OrderId.ShouldBeNull();

    [Theory]
    [InlineData("payment.created")]
    [InlineData("invoice.paid")]
    public void Should_ignore_other_types(string type) =>
        Normalize(Succeeded.Replace("payment.succeeded", type)).ShouldBeIgnoredAs(type);

    [Theory]
    [InlineData("\"amount\":1999", "\"amount\":19.99", "data.amount")]
    [InlineData("\"amount\":1999,", "", "data.amount")]
    [InlineData("\"currency\":\"usd\"", "\"currency\":\"US\"", "data.currency")]
    [InlineData("\"payment_id\":\"pay_1\",", "", "data.payment_id")]
    [InlineData("\"order_id\":\"ord_42\"", "\"order_id\":42", "data.order_id")]
    [InlineData("2024-05-01T11:59:30.5+02:00", "2024-05-01T11:59:30", "timestamp")]
    [InlineData("2024-05-01T11:59:30.5+02:00", "yesterday", "timestamp")]
    [InlineData("\"type\":\"payment.succeeded\"", "\"kind\":\"payment.succeeded\"", "type")]
    public void Should_name_the_path_of_a_missing_or_invalid_field(string find, string replace, string path) =>
        Normalize(Succeeded.Replace(find, replace)).ShouldBeMalformedAt(path);

    [Fact]
    public void Should_name_data_when_it_is_not_an_object() =>
        Normalize("""{"type":"payment.failed","timestamp":"2024-05-01T12:00:00Z","data":[1]}""").ShouldBeMalformedAt("data");

    [Fact]
    public void Should_report_a_payload_that_is_not_json_at_the_root() =>
        Normalize("{\"type\":\"payment.succeeded\"").ShouldBeMalformedAt("$");

    private NormalizationResult Normalize(string payload) =>
        _scheme.Normalize(Verified(payload, deliveryId: "msg_1"), Source("acme", _scheme, "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"), ReceivedAt);
}
