using System.Net.Http.Json;
using Payments.Messaging.Consumers;

namespace Payments.Operations.ServiceApis;

/// <summary>The shared consumer admin (Payments.Messaging ConsumerAdminEndpoints) every consuming service maps.</summary>
internal static class ConsumerAdminCalls
{
    public static async Task<List<EndpointDeliveries>> EndpointsAsync(HttpClient http, CancellationToken cancellationToken) =>
        await http.GetFromJsonAsync<List<EndpointDeliveries>>("admin/messaging/endpoints", cancellationToken) ?? [];
}
