using Payments.ProviderSimulator.Configuration;

namespace Payments.ProviderSimulator.Targets;

/// <summary>
/// Where webhooks may go: only hosts named in Simulator:AllowedReceiverHosts, so whoever can register a receiver cannot
/// turn the simulator into a client for any other address it can reach (server-side request forgery). Names are
/// compared exactly, not resolved: the delivery client follows no redirects, so the host checked is the host called.
/// </summary>
internal static class ReceiverHosts
{
    /// <summary>Loopback names and addresses, and the ingress's compose service name.</summary>
    public static readonly IReadOnlyList<string> Defaults = ["localhost", "127.0.0.1", "::1", "ingress"];

    public static IReadOnlyList<string> Allowed(SimulatorOptions options) =>
        options.AllowedReceiverHosts.Count > 0 ? [.. options.AllowedReceiverHosts.Select(h => h.Trim().Trim('[', ']'))] : Defaults;

    /// <summary>The host of an absolute URL as it is dialled ("::1" without brackets), or null for anything else.</summary>
    public static string? HostOf(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.DnsSafeHost : null;

    public static bool IsAllowed(string? url, IReadOnlyList<string> allowed) =>
        HostOf(url) is { } host && allowed.Contains(host, StringComparer.OrdinalIgnoreCase);

    /// <summary>Why the URL's host is refused, naming the host and the key; null when it is allowed.</summary>
    public static string? Problem(string? url, IReadOnlyList<string> allowed) =>
        IsAllowed(url, allowed)
            ? null
            : $"host '{HostOf(url)}' is not one of Simulator:AllowedReceiverHosts ({string.Join(", ", allowed)}).";
}
