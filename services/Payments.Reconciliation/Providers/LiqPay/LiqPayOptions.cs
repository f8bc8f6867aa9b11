namespace Payments.Reconciliation.Providers.LiqPay;

/// <summary>Provider:LiqPay: the merchant's keys for LiqPay's server API; the status client exists only when both are set.</summary>
public sealed class LiqPayOptions
{
    /// <summary>Defaults to Provider:BaseUrl (the simulator answers both APIs); LiqPay itself is https://www.liqpay.ua.</summary>
    public string? BaseUrl { get; set; }

    public string? PublicKey { get; set; }

    public string? PrivateKey { get; set; }

    /// <summary>The provider name Orders records for LiqPay payments.</summary>
    public string Name { get; set; } = "liqpay";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(PublicKey) && !string.IsNullOrWhiteSpace(PrivateKey);
}
