using Microsoft.Extensions.Options;
using Payments.ServiceDefaults.Configuration;

namespace Payments.Reconciliation.Providers;

/// <summary>Start-up validation naming each wrong key.</summary>
internal sealed class ProviderOptionsValidator : IValidateOptions<ProviderOptions>
{
    public ValidateOptionsResult Validate(string? name, ProviderOptions options)
    {
        var failures = new List<string>();
        ProviderAddress.Validate(options.BaseUrl, options.ApiKey, failures);

        if (options.MaxResponseBytes is < 1024 or > 256L * 1024 * 1024)
        {
            failures.Add("Provider:MaxResponseBytes must be between 1024 and 268435456.");
        }

        if (options.MaxListPages is < 1 or > 100_000)
        {
            failures.Add("Provider:MaxListPages must be between 1 and 100000.");
        }

        if (options.Resilience.AttemptTimeout <= TimeSpan.Zero || options.Resilience.MaxRetries < 0)
        {
            failures.Add("Provider:Resilience:AttemptTimeout must be positive and Provider:Resilience:MaxRetries not negative.");
        }

        // The standard resilience handler's own rule: a sampling window holds at least two attempts.
        if (options.Resilience.BreakerSamplingDuration < 2 * options.Resilience.AttemptTimeout)
        {
            failures.Add("Provider:Resilience:BreakerSamplingDuration must be at least twice Provider:Resilience:AttemptTimeout.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
