using Microsoft.Extensions.Options;
using Payments.ServiceDefaults.Configuration;

namespace Payments.Orders.PaymentCreation;

/// <summary>Start-up validation naming each wrong key.</summary>
internal sealed class ProviderOptionsValidator : IValidateOptions<ProviderOptions>
{
    public ValidateOptionsResult Validate(string? name, ProviderOptions options)
    {
        var failures = new List<string>();
        switch (options.Api)
        {
            case ProviderOptions.Stripe:
                ProviderAddress.Validate(options.BaseUrl, options.ApiKey, failures);
                break;
            case ProviderOptions.LiqPay:
                break; // the customer pays at LiqPay's checkout: Orders calls nothing
            default:
                failures.Add($"Provider:Api must be '{ProviderOptions.Stripe}' or '{ProviderOptions.LiqPay}' (was '{options.Api}').");
                break;
        }

        if (options.Timeout <= TimeSpan.Zero || options.Retries < 0)
        {
            failures.Add("Provider:Timeout must be positive and Provider:Retries not negative.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
