using Payments.Notifications.Templates;

namespace Payments.Notifications.Tests.Templates;

/// <summary>ISO 4217 minor units: most currencies have 2 decimals, JPY none, KWD and BHD three.</summary>
public sealed class When_amounts_are_formatted
{
    [Theory]
    [InlineData(4200, "EUR", "42.00 EUR")]
    [InlineData(123456789, "EUR", "1,234,567.89 EUR")]
    [InlineData(5, "EUR", "0.05 EUR")]
    [InlineData(0, "EUR", "0.00 EUR")]
    [InlineData(4200, "eur", "42.00 EUR")]
    [InlineData(4200, "JPY", "4,200 JPY")]
    [InlineData(1, "JPY", "1 JPY")]
    [InlineData(1250, "KWD", "1.250 KWD")]
    [InlineData(1234567, "KWD", "1,234.567 KWD")]
    [InlineData(1005, "BHD", "1.005 BHD")]
    [InlineData(10000, "CLF", "1.0000 CLF")]
    [InlineData(4200, "XTS", "42.00 XTS")]
    public void Should_use_the_currency_s_minor_unit_exponent(long amountMinor, string currency, string expected) =>
        Money.Format(amountMinor, currency).ShouldBe(expected);
}
