using Microsoft.Extensions.Options;

namespace Payments.Operations.Now;

/// <summary>Start-up validation naming each wrong key.</summary>
internal sealed class BrokerOptionsValidator : IValidateOptions<BrokerOptions>
{
    public ValidateOptionsResult Validate(string? name, BrokerOptions options)
    {
        return Uri.TryCreate(options.ManagementUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"{BrokerOptions.Section}:ManagementUrl must be an absolute http(s) URL of the RabbitMQ management API, e.g. http://127.0.0.1:15672.");
    }
}
