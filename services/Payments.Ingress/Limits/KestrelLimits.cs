using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Payments.Ingress.Limits;

public static class KestrelLimits
{
    public const string Section = "Kestrel:Limits";

    /// <summary>
    /// Binds Kestrel:Limits (headers, body data rate, keep-alive, connections; defaults in appsettings.json) onto
    /// Kestrel's own limits: the host's Kestrel section loader reads endpoints and certificates, not limits.
    /// </summary>
    public static IServiceCollection AddKestrelLimits(this IServiceCollection services)
    {
        services.AddOptions<KestrelServerOptions>()
            .Configure<IConfiguration>(Bind)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<KestrelServerOptions>, KestrelLimitsValidator>();
        return services;
    }

    internal static void Bind(KestrelServerOptions options, IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        section.Bind(options.Limits);

        // MinDataRate's properties are get-only, so the binder leaves Kestrel's default instance untouched: build it here.
        var rate = section.GetSection(nameof(KestrelServerLimits.MinRequestBodyDataRate));
        if (!rate.Exists())
        {
            return;
        }

        var current = options.Limits.MinRequestBodyDataRate;
        try
        {
            options.Limits.MinRequestBodyDataRate = new MinDataRate(
                rate.GetValue(nameof(MinDataRate.BytesPerSecond), current?.BytesPerSecond ?? 0),
                rate.GetValue(nameof(MinDataRate.GracePeriod), current?.GracePeriod ?? TimeSpan.FromSeconds(5)));
        }
        catch (ArgumentOutOfRangeException ex)
        {
            throw new OptionsValidationException(Section, typeof(KestrelServerOptions),
                [$"{Section}:MinRequestBodyDataRate is out of range ({ex.ParamName}): BytesPerSecond must not be negative, GracePeriod more than 1 s."]);
        }
    }
}
