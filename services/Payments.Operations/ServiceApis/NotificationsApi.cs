using System.Net.Http.Json;
using Payments.Messaging.Consumers;

namespace Payments.Operations.ServiceApis;

/// <summary>Notifications' operator endpoints (its management listener, Operations:Services:Notifications:BaseUrl).</summary>
public sealed partial class NotificationsApi(HttpClient http)
{
    /// <summary>Parked notifications, newest first (`GET /notifications/parked`).</summary>
    public async Task<List<NotificationSummary>> ParkedAsync(int limit, CancellationToken cancellationToken) =>
        await http.GetFromJsonAsync<List<NotificationSummary>>($"notifications/parked?limit={limit}", cancellationToken) ?? [];

    /// <summary>What its receive endpoints hold and since when (`GET /admin/messaging/endpoints`).</summary>
    public Task<List<EndpointDeliveries>> ReceiveEndpointsAsync(CancellationToken cancellationToken) =>
        ConsumerAdminCalls.EndpointsAsync(http, cancellationToken);

    /// <summary>How many notifications are parked (`GET /notifications/parked/count`).</summary>
    public async Task<long> ParkedCountAsync(CancellationToken cancellationToken) =>
        (await http.GetFromJsonAsync<ParkedNotificationCount>("notifications/parked/count", cancellationToken)
            ?? throw new HttpRequestException("The parked count answer was empty.")).Parked;

    public async Task<ServiceCallResult> ResendAsync(Guid id, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsync($"notifications/{id}/resend", content: null, cancellationToken);
        return await ServiceCallResult.FromAsync(response, cancellationToken);
    }
}
