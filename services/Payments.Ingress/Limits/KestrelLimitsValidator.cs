using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Payments.Ingress.Limits;

/// <summary>
/// Start-up check of what keeps a slow or flooding client from holding the ingress. Kestrel itself refuses
/// non-positive values; this refuses the settings that switch a protection off or stretch it past any use.
/// </summary>
internal sealed class KestrelLimitsValidator : IValidateOptions<KestrelServerOptions>
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(5);

    public ValidateOptionsResult Validate(string? name, KestrelServerOptions options)
    {
        var limits = options.Limits;
        var errors = new List<string>();
        if (limits.MaxConcurrentConnections is not > 0)
        {
            errors.Add($"{KestrelLimits.Section}:MaxConcurrentConnections must be set to a positive number.");
        }

        if (limits.MinRequestBodyDataRate is not { BytesPerSecond: > 0 } rate || rate.GracePeriod > MaxWait)
        {
            errors.Add($"{KestrelLimits.Section}:MinRequestBodyDataRate needs BytesPerSecond > 0 and GracePeriod of at most {MaxWait}.");
        }

        if (limits.RequestHeadersTimeout > MaxWait)
        {
            errors.Add($"{KestrelLimits.Section}:RequestHeadersTimeout must be at most {MaxWait}.");
        }

        if (limits.KeepAliveTimeout > MaxWait)
        {
            errors.Add($"{KestrelLimits.Section}:KeepAliveTimeout must be at most {MaxWait}.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
