using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Payments.Messaging.Consumers;

namespace Payments.Operations.ServiceApis;

/// <summary>Reconciliation's operator endpoints (its management listener, Operations:Services:Reconciliation:BaseUrl).</summary>
public sealed partial class ReconciliationApi(HttpClient http)
{
    public Task<List<ParkedOutboxMessage>> ParkedAsync(int limit, CancellationToken cancellationToken) =>
        OutboxAdminCalls.ParkedAsync(http, limit, cancellationToken);

    public Task<ServiceCallResult> RequeueAsync(Guid id, CancellationToken cancellationToken) =>
        OutboxAdminCalls.RequeueAsync(http, id, cancellationToken);

    public Task<OutboxBacklog> BacklogAsync(CancellationToken cancellationToken) => OutboxAdminCalls.BacklogAsync(http, cancellationToken);

    /// <summary>What its receive endpoints hold and since when (`GET /admin/messaging/endpoints`).</summary>
    public Task<List<EndpointDeliveries>> ReceiveEndpointsAsync(CancellationToken cancellationToken) =>
        ConsumerAdminCalls.EndpointsAsync(http, cancellationToken);

    /// <summary>How many payments the report for the window lists as stuck (out of watch without an outcome).</summary>
    public async Task<int> StuckCountAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var report = await http.GetFromJsonAsync<JsonElement>(
            $"reconciliation/report?from={Uri.EscapeDataString(from.ToString("O", CultureInfo.InvariantCulture))}&to={Uri.EscapeDataString(to.ToString("O", CultureInfo.InvariantCulture))}",
            cancellationToken);
        return report.GetProperty("stuck").GetArrayLength();
    }
}
