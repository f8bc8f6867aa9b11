using Microsoft.Extensions.Options;

namespace Payments.Operations.Timeline;

/// <summary>Start-up validation naming each wrong key.</summary>
internal sealed class JaegerOptionsValidator : IValidateOptions<JaegerOptions>
{
    public ValidateOptionsResult Validate(string? name, JaegerOptions options)
    {
        return string.IsNullOrEmpty(options.BaseUrl) || (Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{JaegerOptions.Section}:BaseUrl, when set, must be an absolute http(s) URL.");
    }
}
