using System.Diagnostics.CodeAnalysis;

namespace Payments.Ingress.Webhooks.Schemes.Common;

/// <summary>
/// ISO 4217 currency codes and their minor-unit exponents (https://www.six-group.com/en/products-services/financial-information/data-standards.html).
/// Only the exceptions are listed: every other three-letter code is taken to have two decimals, which is the rule
/// for all but a handful of currencies, so a new code does not need a release to be accepted.
/// </summary>
internal static class Iso4217
{
    /// <summary>True for three ASCII letters in any case; <paramref name="code"/> comes back upper case.</summary>
    public static bool TryNormalize(string? value, [NotNullWhen(true)] out string? code)
    {
        code = null;
        if (value is not { Length: 3 } || !char.IsAsciiLetter(value[0]) || !char.IsAsciiLetter(value[1]) || !char.IsAsciiLetter(value[2]))
        {
            return false;
        }

        code = char.IsAsciiLetterUpper(value[0]) && char.IsAsciiLetterUpper(value[1]) && char.IsAsciiLetterUpper(value[2])
            ? value
            : value.ToUpperInvariant();
        return true;
    }

    /// <summary>Digits after the decimal point for an upper-case <paramref name="code"/>.</summary>
    public static int Exponent(string code) => code switch
    {
        "BIF" or "CLP" or "DJF" or "GNF" or "ISK" or "JPY" or "KMF" or "KRW" or "PYG" or "RWF"
            or "UGX" or "UYI" or "VND" or "VUV" or "XAF" or "XOF" or "XPF" => 0,
        "BHD" or "IQD" or "JOD" or "KWD" or "LYD" or "OMR" or "TND" => 3,
        "CLF" or "UYW" => 4,
        _ => 2,
    };

    /// <summary>
    /// Converts a major-unit amount (LiqPay's 12.34) to minor units (1234). False when the amount has more decimals
    /// than the currency allows (silently rounding money is how books stop balancing) or does not fit a long.
    /// </summary>
    public static bool TryToMinorUnits(decimal amount, string code, out long minor)
    {
        minor = 0;
        var factor = Exponent(code) switch { 0 => 1m, 3 => 1_000m, 4 => 10_000m, _ => 100m };
        if (amount < 0 || amount > long.MaxValue / factor)
        {
            return false;
        }

        var scaled = amount * factor;
        if (scaled != decimal.Truncate(scaled))
        {
            return false;
        }

        minor = (long)scaled;
        return true;
    }
}
