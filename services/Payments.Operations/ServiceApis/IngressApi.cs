using System.Net.Http.Json;

namespace Payments.Operations.ServiceApis;

/// <summary>The ingress's operator endpoint (its management listener, Operations:Services:Ingress:BaseUrl).</summary>
public sealed class IngressApi(HttpClient http)
{
    /// <summary>GET /admin/traffic: what each source sent and what was refused, over the last minutes.</summary>
    public async Task<IngressTraffic> TrafficAsync(int minutes, CancellationToken cancellationToken) =>
        await http.GetFromJsonAsync<IngressTraffic>($"admin/traffic?minutes={minutes}", cancellationToken)
        ?? throw new HttpRequestException("The ingress traffic answer was empty.");
}
