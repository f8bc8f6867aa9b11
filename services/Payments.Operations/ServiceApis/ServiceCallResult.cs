using System.Net;

namespace Payments.Operations.ServiceApis;

/// <summary>What an owning service answered to an action: its status, and its problem detail when it refused.</summary>
public sealed record ServiceCallResult(HttpStatusCode Status, string? Detail)
{
    public bool Succeeded => (int)Status is >= 200 and < 300;

    public static async Task<ServiceCallResult> FromAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        new(response.StatusCode, response.IsSuccessStatusCode ? null : await response.Content.ReadAsStringAsync(cancellationToken));
}
