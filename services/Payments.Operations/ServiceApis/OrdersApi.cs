using Payments.Messaging.Consumers;

namespace Payments.Operations.ServiceApis;

/// <summary>Orders' operator endpoints (its management listener, Operations:Services:Orders:BaseUrl).</summary>
public sealed partial class OrdersApi(HttpClient http)
{
    public Task<List<ParkedOutboxMessage>> ParkedAsync(int limit, CancellationToken cancellationToken) =>
        OutboxAdminCalls.ParkedAsync(http, limit, cancellationToken);

    public Task<ServiceCallResult> RequeueAsync(Guid id, CancellationToken cancellationToken) =>
        OutboxAdminCalls.RequeueAsync(http, id, cancellationToken);

    public Task<OutboxBacklog> BacklogAsync(CancellationToken cancellationToken) => OutboxAdminCalls.BacklogAsync(http, cancellationToken);

    /// <summary>What its receive endpoints hold and since when (`GET /admin/messaging/endpoints`).</summary>
    public Task<List<EndpointDeliveries>> ReceiveEndpointsAsync(CancellationToken cancellationToken) =>
        ConsumerAdminCalls.EndpointsAsync(http, cancellationToken);
}
