using System.Collections.Frozen;

namespace Payments.Notifications.Templates;

/// <summary>
/// ISO 4217 minor-unit exponents: how many decimal places an amount in minor units has. Only the currencies whose
/// exponent is not 2 are listed (https://www.six-group.com/en/products-services/financial-information/data-standards.html).
/// </summary>
internal static class CurrencyExponents
{
    private static readonly FrozenDictionary<string, int> NotTwo = new Dictionary<string, int>
    {
        ["BIF"] = 0, ["CLP"] = 0, ["DJF"] = 0, ["GNF"] = 0, ["ISK"] = 0, ["JPY"] = 0, ["KMF"] = 0, ["KRW"] = 0,
        ["PYG"] = 0, ["RWF"] = 0, ["UGX"] = 0, ["UYI"] = 0, ["VND"] = 0, ["VUV"] = 0, ["XAF"] = 0, ["XOF"] = 0, ["XPF"] = 0,
        ["BHD"] = 3, ["IQD"] = 3, ["JOD"] = 3, ["KWD"] = 3, ["LYD"] = 3, ["OMR"] = 3, ["TND"] = 3,
        ["CLF"] = 4, ["UYW"] = 4,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The exponent of <paramref name="currency"/>; 2 for every other (and any unknown) code.</summary>
    public static int Of(string currency) => NotTwo.GetValueOrDefault(currency, 2);
}
