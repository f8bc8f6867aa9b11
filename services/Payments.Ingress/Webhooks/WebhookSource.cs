using System.Net;
using Payments.Ingress.Webhooks.Schemes;

namespace Payments.Ingress.Webhooks;

/// <summary>
/// A configured source, resolved at start-up: its scheme, the key bytes of every accepted secret, what it may report,
/// and the networks it may send from (none: any).
/// </summary>
internal sealed record WebhookSource(
    string Name, IWebhookScheme Scheme, IReadOnlyList<byte[]> Keys, TimeSpan Tolerance, bool AllowSandbox = false, IReadOnlyList<IPNetwork>? AllowedNetworks = null)
{
    public bool Allows(IPAddress? client)
    {
        if (AllowedNetworks is not { Count: > 0 } networks)
        {
            return true;
        }

        if (client is null)
        {
            return false;
        }

        // A dual-stack socket reports an IPv4 peer as ::ffff:a.b.c.d; the provider's ranges are written as IPv4.
        var address = client.IsIPv4MappedToIPv6 ? client.MapToIPv4() : client;
        foreach (var network in networks)
        {
            if (network.Contains(address))
            {
                return true;
            }
        }

        return false;
    }
}
