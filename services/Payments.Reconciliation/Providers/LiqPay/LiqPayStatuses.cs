namespace Payments.Reconciliation.Providers.LiqPay;

/// <summary>
/// LiqPay's statuses (https://www.liqpay.ua/en/doc/api/callback) in our terms, as the ingress maps its callbacks:
/// success and sandbox succeeded, failure and error failed, reversed refunded. Every other status (processing,
/// wait_secure, 3ds_verify, hold_wait, …) is not an outcome yet.
/// </summary>
internal static class LiqPayStatuses
{
    public static ProviderStatus Map(string? status) => status switch
    {
        "success" or "sandbox" => ProviderStatus.Succeeded,
        "failure" or "error" => ProviderStatus.Failed,
        "reversed" => ProviderStatus.Refunded,
        _ => ProviderStatus.Pending,
    };
}
