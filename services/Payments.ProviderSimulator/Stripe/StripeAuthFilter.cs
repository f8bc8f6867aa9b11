using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Payments.ProviderSimulator.Configuration;

namespace Payments.ProviderSimulator.Stripe;

/// <summary>
/// Stripe's authentication (https://docs.stripe.com/api/authentication): the secret key as a Bearer token, or as the
/// Basic user name with an empty password (curl -u sk_test_…:). Keys are compared in constant time. Every answer
/// carries a Request-Id and the Stripe-Version, as Stripe's do.
/// </summary>
internal sealed class StripeAuthFilter(IOptions<SimulatorOptions> options) : IEndpointFilter
{
    private static readonly object ScopeKey = new();

    private readonly byte[][] _keys = [.. options.Value.ApiKeys.Select(Encoding.UTF8.GetBytes)];

    /// <summary>A stable, non-secret name for the caller's key, scoping its idempotency keys.</summary>
    public static string ScopeOf(HttpContext context) => (string)context.Items[ScopeKey]!;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        http.Response.Headers["Request-Id"] = Ids.New("req", 14);
        http.Response.Headers["Stripe-Version"] = options.Value.ApiVersion;

        var key = ApiKeyOf(http.Request);
        if (key is null)
        {
            http.Response.Headers.WWWAuthenticate = "Basic realm=\"Stripe\"";
            return StripeErrors.NoApiKey();
        }

        var presented = Encoding.UTF8.GetBytes(key);
        var accepted = false;
        foreach (var candidate in _keys)
        {
            accepted |= CryptographicOperations.FixedTimeEquals(candidate, presented);
        }

        if (!accepted)
        {
            http.Response.Headers.WWWAuthenticate = "Basic realm=\"Stripe\"";
            return StripeErrors.InvalidApiKey(Mask(key));
        }

        http.Items[ScopeKey] = Convert.ToHexString(SHA256.HashData(presented));
        return await next(context);
    }

    private static string? ApiKeyOf(HttpRequest request)
    {
        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header) || string.IsNullOrEmpty(header.Parameter))
        {
            return null;
        }

        if (header.Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return header.Parameter;
        }

        if (!header.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            var credentials = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter));
            var user = credentials.Split(':', 2)[0];
            return user.Length > 0 ? user : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    // Stripe echoes a rejected key masked: its prefix and last four characters.
    private static string Mask(string key)
    {
        var prefix = key.StartsWith("sk_test_", StringComparison.Ordinal) ? "sk_test_" : "";
        return key.Length <= prefix.Length + 4 ? new string('*', key.Length) : prefix + new string('*', key.Length - prefix.Length - 4) + key[^4..];
    }
}
