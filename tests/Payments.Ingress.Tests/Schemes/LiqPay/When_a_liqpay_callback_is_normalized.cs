using Payments.Messaging;
using Payments.Contracts;
using Payments.Ingress.Webhooks;
using Payments.Ingress.Webhooks.Schemes;
using Payments.Ingress.Webhooks.Schemes.LiqPay;
using static Payments.Ingress.Tests.Schemes.SchemeTesting;

namespace Payments.Ingress.Tests.Schemes.LiqPay;

public sealed class When_a_liqpay_callback_is_normalized
{
    private const string Success = """
        {"payment_id":1234567890,"action":"pay","status":"success","order_id":"ord_42","amount":12.34,"currency":"UAH",
         "create_date":1700000000000,"end_date":1700000000123}
        """;

    private readonly LiqPayScheme _scheme = new();

    [Fact]
    public void Should_map_a_successful_payment_to_the_canonical_event()
    {
        var evt = Normalize(Success).ShouldBeNormalized();

        evt.ShouldBe(new PaymentEventReceived(
            EventIds.From("liqpay", "1234567890:pay:success"),
            Source: "liqpay",
            Provider: "liqpay",
            ProviderEventId: "1234567890:pay:success",
            PaymentEventKind.Succeeded,
            ProviderPaymentId: "ord_42",
            OrderId: "ord_42",
            AmountMinor: 1234,
            Currency: "UAH",
            OccurredAt: DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_123),
            ReceivedAt));
    }

    [Theory]
    [InlineData("success", PaymentEventKind.Succeeded)]
    [InlineData("failure", PaymentEventKind.Failed)]
    [InlineData("error", PaymentEventKind.Failed)]
    [InlineData("reversed", PaymentEventKind.Refunded)]
    public void Should_map_each_final_status_to_its_kind(string status, PaymentEventKind kind) =>
        Normalize(WithStatus(status)).ShouldBeNormalized().Kind.ShouldBe(kind);

    [Fact]
    public void Should_refuse_a_sandbox_payment_naming_the_key_that_allows_it()
    {
        var refused = Normalize(WithStatus("sandbox")).ShouldBeOfType<NormalizationResult.Refused>();

        refused.Reason.ShouldBe("sandbox_not_allowed");
        refused.Detail.ShouldContain("Ingress:Sources:liqpay:AllowSandbox");
    }

    [Fact]
    public void Should_count_a_sandbox_payment_as_succeeded_where_the_source_allows_sandbox()
    {
        var source = Source(_scheme, "k") with { AllowSandbox = true };

        _scheme.Normalize(Verified(WithStatus("sandbox")), source, ReceivedAt).ShouldBeNormalized().Kind.ShouldBe(PaymentEventKind.Succeeded);
    }

    [Theory]
    [InlineData("processing")]
    [InlineData("wait_secure")]
    [InlineData("3ds_verify")]
    [InlineData("subscribed")]
    public void Should_ignore_statuses_that_are_not_final_for_a_payment(string status) =>
        Normalize(WithStatus(status)).ShouldBeIgnoredAs(status);

    [Fact]
    public void Should_give_a_retried_callback_the_same_event_id_and_a_later_status_another()
    {
        var first = Normalize(Success).ShouldBeNormalized();
        var retried = Normalize(Success).ShouldBeNormalized();
        var reversed = Normalize(WithStatus("reversed")).ShouldBeNormalized();

        retried.EventId.ShouldBe(first.EventId);
        reversed.EventId.ShouldNotBe(first.EventId);
        reversed.ProviderEventId.ShouldBe("1234567890:pay:reversed");
    }

    [Theory]
    [InlineData("12.34", "UAH", 1234)]
    [InlineData("12.3", "USD", 1230)]
    [InlineData("12", "EUR", 1200)]
    [InlineData("1500", "JPY", 1500)]
    [InlineData("1.234", "KWD", 1234)]
    [InlineData("0.5", "uah", 50)]
    public void Should_convert_the_amount_to_minor_units_by_the_currencys_exponent(string amount, string currency, long minor)
    {
        var evt = Normalize(Success.Replace("12.34", amount).Replace("\"UAH\"", $"\"{currency}\"")).ShouldBeNormalized();

        evt.AmountMinor.ShouldBe(minor);
        evt.Currency.ShouldBe(currency.ToUpperInvariant());
    }

    [Theory]
    [InlineData("12.345", "UAH")]
    [InlineData("1.5", "JPY")]
    [InlineData("1.2345", "KWD")]
    [InlineData("-1", "UAH")]
    [InlineData("\"12.34\"", "UAH")]
    [InlineData("1e30", "UAH")]
    public void Should_refuse_an_amount_the_currency_cannot_hold(string amount, string currency) =>
        Normalize(Success.Replace("12.34", amount).Replace("\"UAH\"", $"\"{currency}\"")).ShouldBeMalformedAt("amount");

    [Fact]
    public void Should_fall_back_to_the_creation_date_when_there_is_no_end_date() =>
        Normalize(Success.Replace(",\"end_date\":1700000000123", "")).ShouldBeNormalized()
            .OccurredAt.ShouldBe(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000));

    [Fact]
    public void Should_accept_a_payment_id_sent_as_a_string() =>
        Normalize(Success.Replace("1234567890", "\"1234567890\"")).ShouldBeNormalized().ProviderEventId.ShouldBe("1234567890:pay:success");

    [Fact]
    public void Should_name_the_payment_by_the_order_id_and_each_attempt_by_its_payment_id()
    {
        var declined = Normalize(WithStatus("failure").Replace("1234567890", "1234567001")).ShouldBeNormalized();
        var paid = Normalize(Success).ShouldBeNormalized();

        // LiqPay's status and refund requests name the payment by the merchant's order id, whichever attempt it was.
        declined.ProviderPaymentId.ShouldBe("ord_42");
        paid.ProviderPaymentId.ShouldBe("ord_42");
        declined.EventId.ShouldNotBe(paid.EventId);
        declined.ProviderEventId.ShouldBe("1234567001:pay:failure");
    }

    [Theory]
    [InlineData("\"payment_id\":1234567890,", "", "payment_id")]
    [InlineData("\"payment_id\":1234567890", "\"payment_id\":1.5", "payment_id")]
    [InlineData("\"action\":\"pay\",", "", "action")]
    [InlineData("\"order_id\":\"ord_42\",", "", "order_id")]
    [InlineData("\"currency\":\"UAH\",", "", "currency")]
    [InlineData("\"currency\":\"UAH\"", "\"currency\":\"грн\"", "currency")]
    [InlineData("\"amount\":12.34,", "", "amount")]
    [InlineData("\"end_date\":1700000000123", "\"end_date\":\"today\"", "end_date")]
    [InlineData("\"status\":\"success\"", "\"state\":\"success\"", "status")]
    public void Should_name_a_missing_or_invalid_field(string find, string replace, string path) =>
        Normalize(Success.Replace(find, replace)).ShouldBeMalformedAt(path);

    [Fact]
    public void Should_ask_for_an_end_or_creation_date_when_both_are_missing() =>
        Normalize(Success.Replace("\"create_date\":1700000000000,\"end_date\":1700000000123", "\"x\":0")).ShouldBeMalformedAt("end_date");

    private static string WithStatus(string status) => Success.Replace("\"success\"", $"\"{status}\"");

    private NormalizationResult Normalize(string payload) =>
        _scheme.Normalize(Verified(payload), Source(_scheme, "key"), ReceivedAt);
}
