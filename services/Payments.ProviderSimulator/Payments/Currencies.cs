namespace Payments.ProviderSimulator.Payments;

/// <summary>
/// Minor-unit exponents: amounts travel in the smallest unit (Stripe, Standard Webhooks) or in major units (LiqPay).
/// Zero- and three-decimal currencies as Stripe lists them (https://docs.stripe.com/currencies#zero-decimal); all others have two.
/// </summary>
internal static class Currencies
{
    private static readonly HashSet<string> ZeroDecimal = new(StringComparer.OrdinalIgnoreCase)
    {
        "bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg", "rwf", "ugx", "vnd", "vuv", "xaf", "xof", "xpf",
    };

    private static readonly HashSet<string> ThreeDecimal = new(StringComparer.OrdinalIgnoreCase) { "bhd", "jod", "kwd", "omr", "tnd" };

    /// <summary>True for three ASCII letters, the shape of an ISO 4217 code.</summary>
    public static bool IsCode(string? value) => value is { Length: 3 } && value.All(char.IsAsciiLetter);

    public static int Exponent(string currency) =>
        ZeroDecimal.Contains(currency) ? 0 : ThreeDecimal.Contains(currency) ? 3 : 2;

    /// <summary>4200 EUR cents → 42.00; the scale is kept so the JSON shows the currency's decimals.</summary>
    public static decimal ToMajorUnits(long minor, string currency)
    {
        var magnitude = minor == long.MinValue ? (ulong)long.MaxValue + 1 : (ulong)Math.Abs(minor);
        return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, minor < 0, (byte)Exponent(currency));
    }
}
