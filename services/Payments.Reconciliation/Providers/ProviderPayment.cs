namespace Payments.Reconciliation.Providers;

/// <summary>
/// A payment as its provider describes it, in our terms. Amounts in the currency's minor units;
/// <paramref name="SettledAt"/> is when the provider says the outcome happened, when it says.
/// </summary>
public sealed record ProviderPayment(
    string PaymentId,
    string? OrderId,
    ProviderStatus Status,
    long AmountMinor,
    string Currency,
    long RefundedMinor,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? SettledAt)
{
    public static ProviderPayment Missing(string paymentId) => new(paymentId, null, ProviderStatus.Missing, 0, "", 0, null, null);
}
