namespace Payments.Operations.ServiceApis;

public sealed partial class ReconciliationApi
{
    /// <summary>The checks and findings of the order's payment; null when Reconciliation never heard of it.</summary>
    public Task<PaymentChecks?> ChecksAsync(Guid orderId, CancellationToken cancellationToken) =>
        StoryCalls.GetOrNullAsync<PaymentChecks>(http, $"admin/payments/{orderId}/checks", cancellationToken);
}
