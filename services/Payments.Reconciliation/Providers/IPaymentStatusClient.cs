namespace Payments.Reconciliation.Providers;

/// <summary>
/// A provider's status API, as housekeeping needs it: what does the provider say about this payment now?
/// Implementations throw <see cref="ProviderUnavailableException"/> (transient: retried, then the check is put off)
/// or <see cref="ProviderRejectedException"/> (our request is wrong: not retried), never answer a guess.
/// </summary>
public interface IPaymentStatusClient
{
    /// <summary>The provider name as Orders records it on OrderCreated (e.g. "stripe", "liqpay").</summary>
    string Provider { get; }

    Task<ProviderPayment> GetAsync(PaymentReference payment, CancellationToken cancellationToken);
}
