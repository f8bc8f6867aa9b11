using Microsoft.Extensions.Options;

namespace Payments.Orders.PaymentCreation;

/// <summary>Start-up validation naming each wrong key.</summary>
internal sealed class ProviderOptionsValidator : IValidateOptions<ProviderOptions>
{
    public ValidateOptionsResult Validate(string? name, ProviderOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrEmpty(options.BaseUrl))
        {
            failures.Add("Provider:BaseUrl is required (e.g. http://127.0.0.1:5090).");
        }
        else if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            failures.Add("Provider:BaseUrl must be an absolute URL.");
        }

        if (string.IsNullOrEmpty(options.ApiKey))
        {
            failures.Add("Provider:ApiKey is required (environment variable Provider__ApiKey).");
        }

        if (options.Timeout <= TimeSpan.Zero || options.Retries < 0)
        {
            failures.Add("Provider:Timeout must be positive and Provider:Retries not negative.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
