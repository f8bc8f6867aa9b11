using Microsoft.Extensions.Options;

namespace Payments.Messaging.Consumers;

/// <summary>An endpoint's limits, each failure naming its configuration key.</summary>
internal sealed class ConsumerEndpointOptionsValidator(string queue, string section) : IValidateOptions<ConsumerEndpointOptions>
{
    public ValidateOptionsResult Validate(string? name, ConsumerEndpointOptions options)
    {
        if (name != queue)
        {
            return ValidateOptionsResult.Skip;
        }

        var failures = new List<string>();
        if (options.Prefetch is < 1 or > ushort.MaxValue)
        {
            failures.Add($"{section}:Prefetch must be between 1 and {ushort.MaxValue} (it is {options.Prefetch}).");
        }

        if (options.Concurrency is < 1)
        {
            failures.Add($"{section}:Concurrency must be at least 1 (it is {options.Concurrency}).");
        }

        if (options.RetryLimit < 0)
        {
            failures.Add($"{section}:RetryLimit must not be negative (it is {options.RetryLimit}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
