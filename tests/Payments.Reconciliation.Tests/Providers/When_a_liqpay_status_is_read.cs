using Payments.Reconciliation.Providers;
using Payments.Reconciliation.Providers.LiqPay;

namespace Payments.Reconciliation.Tests.Providers;

/// <summary>LiqPay's statuses and amounts (https://www.liqpay.ua/en/doc/api/internet_acquiring/status).</summary>
public sealed class When_a_liqpay_status_is_read
{
    [Theory]
    [InlineData("success", ProviderStatus.Succeeded)]
    [InlineData("sandbox", ProviderStatus.Succeeded)]
    [InlineData("failure", ProviderStatus.Failed)]
    [InlineData("error", ProviderStatus.Failed)]
    [InlineData("reversed", ProviderStatus.Refunded)]
    [InlineData("processing", ProviderStatus.Pending)]
    [InlineData("wait_secure", ProviderStatus.Pending)]
    [InlineData("3ds_verify", ProviderStatus.Pending)]
    [InlineData(null, ProviderStatus.Pending)]
    public void Should_map_its_status(string? status, ProviderStatus expected) => LiqPayStatuses.Map(status).ShouldBe(expected);

    [Theory]
    [InlineData("42.00", "UAH", 4200)]
    [InlineData("42.5", "EUR", 4250)]
    [InlineData("1000", "JPY", 1000)]
    [InlineData("1.234", "KWD", 1234)]
    public void Should_convert_major_units_to_minor_units(string major, string currency, long minor) =>
        MinorUnits.From(decimal.Parse(major, System.Globalization.CultureInfo.InvariantCulture), currency).ShouldBe(minor);

    [Fact]
    public void Should_refuse_an_amount_with_more_decimals_than_its_currency() =>
        Should.Throw<ProviderRejectedException>(() => MinorUnits.From(10.5m, "JPY"));

    [Fact]
    public void Should_read_a_refund_with_its_refunded_amount()
    {
        var answer = new LiqPayStatusResponse("ok", "reversed", 2000000001, "order-1", 42.00m, "uah", 10.00m, 1767614400000, 1767614460000, null);
        var payment = LiqPayStatusClient.ToPayment(answer, new PaymentReference("pi_1", Guid.NewGuid()));
        payment.ShouldBe(new ProviderPayment("2000000001", "order-1", ProviderStatus.Refunded, 4200, "UAH", 1000,
            DateTimeOffset.FromUnixTimeMilliseconds(1767614400000), DateTimeOffset.FromUnixTimeMilliseconds(1767614460000)));
    }
}
