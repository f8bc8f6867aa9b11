using System.Net.Http.Json;

namespace Payments.Operations.ServiceApis;

/// <summary>The shared outbox admin (Payments.Messaging OutboxAdminEndpoints) every outbox-owning service maps.</summary>
internal static class OutboxAdminCalls
{
    public static async Task<List<ParkedOutboxMessage>> ParkedAsync(HttpClient http, int limit, CancellationToken cancellationToken) =>
        await http.GetFromJsonAsync<List<ParkedOutboxMessage>>($"admin/outbox/parked?limit={limit}", cancellationToken) ?? [];

    public static async Task<OutboxBacklog> BacklogAsync(HttpClient http, CancellationToken cancellationToken) =>
        await http.GetFromJsonAsync<OutboxBacklog>("admin/outbox/backlog", cancellationToken)
        ?? throw new HttpRequestException("The outbox backlog answer was empty.");

    public static async Task<ServiceCallResult> RequeueAsync(HttpClient http, Guid id, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsync($"admin/outbox/parked/{id}/requeue", content: null, cancellationToken);
        return await ServiceCallResult.FromAsync(response, cancellationToken);
    }
}
