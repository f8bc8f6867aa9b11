using System.Diagnostics.CodeAnalysis;
using System.Net;
using Microsoft.Extensions.Options;
using Payments.Ingress.Webhooks.Schemes;

namespace Payments.Ingress.Webhooks;

/// <summary>
/// The configured sources, resolved once: scheme looked up by name and every secret turned into key bytes.
/// Construction fails with a message naming the offending configuration key (never the secret itself).
/// </summary>
internal sealed class WebhookSources
{
    private readonly Dictionary<string, WebhookSource> _sources = new(StringComparer.OrdinalIgnoreCase);

    public WebhookSources(IOptions<IngressOptions> options, IEnumerable<IWebhookScheme> schemes)
    {
        var errors = Resolve(options.Value, schemes, _sources);
        if (errors.Count > 0)
        {
            throw new OptionsValidationException(IngressOptions.SectionName, typeof(IngressOptions), errors);
        }
    }

    public bool TryGet(string name, [NotNullWhen(true)] out WebhookSource? source) => _sources.TryGetValue(name, out source);

    public IEnumerable<string> Names => _sources.Keys;

    internal static List<string> Resolve(IngressOptions options, IEnumerable<IWebhookScheme> schemes, Dictionary<string, WebhookSource>? into = null)
    {
        var byName = schemes.ToDictionary(s => s.Name, StringComparer.OrdinalIgnoreCase);
        var errors = new List<string>();
        if (options.MaxBodyBytes <= 0)
        {
            errors.Add("Ingress:MaxBodyBytes must be positive.");
        }

        if (options.ResponseBudget <= TimeSpan.Zero)
        {
            errors.Add("Ingress:ResponseBudget must be a positive time span (e.g. 00:00:03).");
        }

        for (var i = 0; i < options.KnownProxies.Count; i++)
        {
            if (!IPAddress.TryParse(options.KnownProxies[i], out _))
            {
                errors.Add($"Ingress:KnownProxies:{i} is not an IP address.");
            }
        }

        foreach (var (name, source) in options.Sources)
        {
            var key = $"Ingress:Sources:{name}";
            if (!byName.TryGetValue(source.Scheme ?? "", out var scheme))
            {
                errors.Add($"{key}:Scheme is missing or unknown; expected one of: {string.Join(", ", byName.Keys)}.");
                continue;
            }

            if (source.Secrets.Count == 0)
            {
                errors.Add($"{key}:Secrets is missing: give at least one secret (e.g. environment variable Ingress__Sources__{name}__Secrets__0).");
                continue;
            }

            if (source.ToleranceSeconds <= 0)
            {
                errors.Add($"{key}:ToleranceSeconds must be positive.");
            }

            if (source.RateLimit.PermitsPerSecond <= 0)
            {
                errors.Add($"{key}:RateLimit:PermitsPerSecond must be positive.");
            }

            if (source.RateLimit.Burst < source.RateLimit.PermitsPerSecond)
            {
                errors.Add($"{key}:RateLimit:Burst must be at least {key}:RateLimit:PermitsPerSecond.");
            }

            var keys = new List<byte[]>(source.Secrets.Count);
            for (var i = 0; i < source.Secrets.Count; i++)
            {
                try
                {
                    keys.Add(string.IsNullOrEmpty(source.Secrets[i])
                        ? throw new FormatException("empty")
                        : scheme.DeriveKey(source.Secrets[i]));
                }
                catch (FormatException)
                {
                    errors.Add($"{key}:Secrets:{i} is not a valid {scheme.Name} secret.");
                }
            }

            var networks = new List<IPNetwork>(source.AllowedNetworks.Count);
            for (var i = 0; i < source.AllowedNetworks.Count; i++)
            {
                if (ParseNetwork(source.AllowedNetworks[i]) is { } network)
                {
                    networks.Add(network);
                }
                else
                {
                    errors.Add($"{key}:AllowedNetworks:{i} is not a CIDR (e.g. 3.18.12.63/32 or 2001:db8::/32).");
                }
            }

            into?.Add(name, new WebhookSource(name, scheme, keys, TimeSpan.FromSeconds(source.ToleranceSeconds), source.AllowSandbox, networks));
        }

        return errors;
    }

    /// <summary>A CIDR, or a single address (as /32 or /128, the form providers often list their senders in).</summary>
    private static IPNetwork? ParseNetwork(string? value)
    {
        if (IPNetwork.TryParse(value, out var network))
        {
            return network;
        }

        return IPAddress.TryParse(value, out var address)
            ? new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128)
            : null;
    }
}
