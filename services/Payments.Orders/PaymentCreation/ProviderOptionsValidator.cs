using Microsoft.Extensions.Options;
using Payments.ServiceDefaults.Configuration;

namespace Payments.Orders.PaymentCreation;

/// <summary>Start-up validation naming each wrong key.</summary>
internal sealed class ProviderOptionsValidator : IValidateOptions<ProviderOptions>
{
    public ValidateOptionsResult Validate(string? name, ProviderOptions options)
    {
        var failures = new List<string>();
        ProviderAddress.Validate(options.BaseUrl, options.ApiKey, failures);

        if (options.Timeout <= TimeSpan.Zero || options.Retries < 0)
        {
            failures.Add("Provider:Timeout must be positive and Provider:Retries not negative.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
