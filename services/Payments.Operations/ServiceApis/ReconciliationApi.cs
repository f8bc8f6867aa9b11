namespace Payments.Operations.ServiceApis;

/// <summary>Reconciliation's operator endpoints (its management listener, Operations:Services:Reconciliation:BaseUrl).</summary>
public sealed partial class ReconciliationApi(HttpClient http)
{
    public Task<List<ParkedOutboxMessage>> ParkedAsync(int limit, CancellationToken cancellationToken) =>
        OutboxAdminCalls.ParkedAsync(http, limit, cancellationToken);

    public Task<ServiceCallResult> RequeueAsync(Guid id, CancellationToken cancellationToken) =>
        OutboxAdminCalls.RequeueAsync(http, id, cancellationToken);
}
