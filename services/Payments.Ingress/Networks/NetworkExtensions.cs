using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using Payments.Ingress.Webhooks;

namespace Payments.Ingress.Networks;

public static class NetworkExtensions
{
    /// <summary>
    /// ASP.NET Core's forwarded headers, believed only from Ingress:KnownProxies: the defaults (loopback) are cleared.
    /// </summary>
    public static IServiceCollection AddKnownProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = configuration.GetSection($"{IngressOptions.SectionName}:{nameof(IngressOptions.KnownProxies)}").Get<List<string>>() ?? [];
        return services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            // Validation names a malformed entry (Ingress:KnownProxies:{i}); here it is only skipped.
            foreach (var proxy in proxies)
            {
                if (IPAddress.TryParse(proxy, out var address))
                {
                    options.KnownProxies.Add(address);
                }
            }
        });
    }

    /// <summary>Forwarded headers (from known proxies), then each source's allowed networks; both before the rate limiter.</summary>
    public static IApplicationBuilder UseSourceNetworks(this IApplicationBuilder app)
    {
        // With both known lists empty the middleware checks no sender at all and believes everyone's headers
        // (https://learn.microsoft.com/aspnet/core/host-and-deploy/proxy-load-balancer#forwarded-headers-middleware-options):
        // without a known proxy it must not run.
        if (app.ApplicationServices.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value.KnownProxies.Count > 0)
        {
            app.UseForwardedHeaders();
        }

        return app.UseMiddleware<AllowedNetworksMiddleware>();
    }
}
