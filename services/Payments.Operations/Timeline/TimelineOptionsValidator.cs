using Microsoft.Extensions.Options;

namespace Payments.Operations.Timeline;

/// <summary>Start-up validation naming each wrong key.</summary>
internal sealed class TimelineOptionsValidator : IValidateOptions<TimelineOptions>
{
    public ValidateOptionsResult Validate(string? name, TimelineOptions options)
    {
        return options.ServiceTimeout < TimeSpan.FromMilliseconds(100) || options.ServiceTimeout > TimeSpan.FromMinutes(5)
            ? ValidateOptionsResult.Fail($"{TimelineOptions.Section}:ServiceTimeout must be between 100 ms and 5 minutes.")
            : ValidateOptionsResult.Success;
    }
}
