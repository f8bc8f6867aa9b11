using Payments.Ingress.Webhooks.Schemes.Common;

namespace Payments.Ingress.Tests.Schemes.Common;

public sealed class When_amounts_are_converted_to_minor_units
{
    [Theory]
    [InlineData("USD", 2)]
    [InlineData("UAH", 2)]
    [InlineData("EUR", 2)]
    [InlineData("JPY", 0)]
    [InlineData("KRW", 0)]
    [InlineData("VND", 0)]
    [InlineData("CLP", 0)]
    [InlineData("ISK", 0)]
    [InlineData("UGX", 0)]
    [InlineData("XAF", 0)]
    [InlineData("XOF", 0)]
    [InlineData("BHD", 3)]
    [InlineData("KWD", 3)]
    [InlineData("OMR", 3)]
    [InlineData("JOD", 3)]
    [InlineData("TND", 3)]
    [InlineData("IQD", 3)]
    [InlineData("LYD", 3)]
    [InlineData("CLF", 4)]
    [InlineData("ZZZ", 2)]
    public void Should_use_the_iso_4217_exponent_of_the_currency(string code, int exponent) =>
        Iso4217.Exponent(code).ShouldBe(exponent);

    [Theory]
    [InlineData("usd", "USD")]
    [InlineData("Eur", "EUR")]
    [InlineData("JPY", "JPY")]
    public void Should_accept_three_letters_in_any_case_and_upper_case_them(string value, string code)
    {
        Iso4217.TryNormalize(value, out var normalized).ShouldBeTrue();
        normalized.ShouldBe(code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("US")]
    [InlineData("USDT")]
    [InlineData("U$D")]
    [InlineData("840")]
    [InlineData("ÜSD")]
    public void Should_refuse_anything_but_three_ascii_letters(string? value) =>
        Iso4217.TryNormalize(value, out _).ShouldBeFalse();

    [Theory]
    [InlineData("0", "USD", 0)]
    [InlineData("12.34", "USD", 1234)]
    [InlineData("12.340000", "USD", 1234)]
    [InlineData("7", "JPY", 7)]
    [InlineData("0.001", "BHD", 1)]
    [InlineData("92233720368547758.07", "USD", long.MaxValue)]
    public void Should_convert_exact_amounts(string amount, string code, long minor)
    {
        Iso4217.TryToMinorUnits(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), code, out var converted).ShouldBeTrue();
        converted.ShouldBe(minor);
    }

    [Theory]
    [InlineData("12.345", "USD")]
    [InlineData("0.5", "JPY")]
    [InlineData("0.0001", "BHD")]
    [InlineData("-0.01", "USD")]
    [InlineData("92233720368547758.08", "USD")]
    [InlineData("79228162514264337593543950335", "USD")]
    public void Should_refuse_amounts_that_would_need_rounding_or_do_not_fit(string amount, string code) =>
        Iso4217.TryToMinorUnits(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), code, out _).ShouldBeFalse();
}
