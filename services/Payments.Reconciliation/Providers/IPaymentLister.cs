namespace Payments.Reconciliation.Providers;

/// <summary>A provider that can list its payments by creation time (the report's other side of the books).</summary>
public interface IPaymentLister
{
    string Provider { get; }

    IAsyncEnumerable<ProviderPayment> ListCreatedAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}
