using System.Globalization;

namespace Payments.Notifications.Templates;

/// <summary>Amounts in minor units, written for people: "1,234.50 EUR", "4,200 JPY", "1.250 KWD".</summary>
internal static class Money
{
    public static string Format(long amountMinor, string currency)
    {
        var exponent = CurrencyExponents.Of(currency);
        var major = amountMinor / (decimal)Math.Pow(10, exponent);
        // The code after the number reads the same in every locale; a symbol ($) would be ambiguous across dollars.
        return major.ToString("N" + exponent.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + " " + currency.ToUpperInvariant();
    }
}
