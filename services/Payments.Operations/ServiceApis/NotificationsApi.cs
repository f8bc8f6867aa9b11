using System.Net.Http.Json;

namespace Payments.Operations.ServiceApis;

/// <summary>Notifications' operator endpoints (its management listener, Operations:Services:Notifications:BaseUrl).</summary>
public sealed partial class NotificationsApi(HttpClient http)
{
    /// <summary>Parked notifications, newest first (`GET /notifications/parked`).</summary>
    public async Task<List<NotificationSummary>> ParkedAsync(int limit, CancellationToken cancellationToken) =>
        await http.GetFromJsonAsync<List<NotificationSummary>>($"notifications/parked?limit={limit}", cancellationToken) ?? [];

    public async Task<ServiceCallResult> ResendAsync(Guid id, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsync($"notifications/{id}/resend", content: null, cancellationToken);
        return await ServiceCallResult.FromAsync(response, cancellationToken);
    }
}
