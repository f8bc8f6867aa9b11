using Microsoft.Extensions.Options;

namespace Payments.Operations.DeadLetters;

internal sealed class DeadLetterOptionsValidator : IValidateOptions<DeadLetterOptions>
{
    public ValidateOptionsResult Validate(string? name, DeadLetterOptions options)
    {
        var failures = new List<string>();
        if (options.Queues.Count == 0)
        {
            failures.Add($"{DeadLetterOptions.Section}:Queues must name at least one error queue (e.g. orders-payment-events_error).");
        }

        for (var i = 0; i < options.Queues.Count; i++)
        {
            if (!options.Queues[i].EndsWith(DeadLetterQueues.ErrorSuffix, StringComparison.Ordinal) || options.Queues[i].Length == DeadLetterQueues.ErrorSuffix.Length)
            {
                failures.Add($"{DeadLetterOptions.Section}:Queues:{i} must be a MassTransit error queue, \"{{queue}}_error\" (got \"{options.Queues[i]}\").");
            }
        }

        if (options.Prefetch == 0 || options.MissingQueueRetry <= TimeSpan.Zero)
        {
            failures.Add($"{DeadLetterOptions.Section}:Prefetch and {DeadLetterOptions.Section}:MissingQueueRetry must be positive.");
        }

        foreach (var (key, value) in new[]
                 {
                     (nameof(options.Retention), options.Retention), (nameof(options.DeadRetention), options.DeadRetention),
                     (nameof(options.CleanupInterval), options.CleanupInterval),
                 })
        {
            if (value <= TimeSpan.Zero)
            {
                failures.Add($"{DeadLetterOptions.Section}:{key} must be positive (got {value}).");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
