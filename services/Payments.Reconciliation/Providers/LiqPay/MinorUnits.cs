namespace Payments.Reconciliation.Providers.LiqPay;

/// <summary>
/// Major-unit amounts (LiqPay's 42.00) to minor units, by the currency's ISO 4217 exponent
/// (https://www.six-group.com/en/products-services/financial-information/data-standards.html); two unless listed.
/// </summary>
internal static class MinorUnits
{
    public static int Exponent(string currency) => currency.ToUpperInvariant() switch
    {
        "BIF" or "CLP" or "DJF" or "GNF" or "ISK" or "JPY" or "KMF" or "KRW" or "PYG" or "RWF"
            or "UGX" or "UYI" or "VND" or "VUV" or "XAF" or "XOF" or "XPF" => 0,
        "BHD" or "IQD" or "JOD" or "KWD" or "LYD" or "OMR" or "TND" => 3,
        "CLF" or "UYW" => 4,
        _ => 2,
    };

    /// <summary>
    /// Refuses an amount with more decimals than the currency has (silently rounding money unbalances books) and one
    /// whose minor units do not fit a long.
    /// </summary>
    public static long From(decimal major, string currency)
    {
        var exponent = Exponent(currency);
        if (Math.Abs(major) >= long.MaxValue / (decimal)Math.Pow(10, exponent))
        {
            throw new ProviderRejectedException($"An amount in {currency} too large for its minor units.");
        }

        var scaled = major * (decimal)Math.Pow(10, exponent);
        return scaled == decimal.Truncate(scaled)
            ? (long)scaled
            : throw new ProviderRejectedException($"{major} {currency} has more decimals than the currency allows.");
    }
}
