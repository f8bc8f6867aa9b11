using Microsoft.Extensions.Options;

namespace Payments.Messaging.Outbox;

/// <summary>Start-up validation naming each wrong key.</summary>
internal sealed class OutboxOptionsValidator : IValidateOptions<OutboxOptions>
{
    public ValidateOptionsResult Validate(string? name, OutboxOptions options)
    {
        var failures = new List<string>();
        if (options.BatchSize <= 0 || options.Workers <= 0 || options.MaxAttempts <= 0)
        {
            failures.Add("Messaging:Outbox:BatchSize, Workers and MaxAttempts must be positive.");
        }

        if (options.ParkedRetention <= TimeSpan.Zero || options.CleanupInterval <= TimeSpan.Zero)
        {
            failures.Add("Messaging:Outbox:ParkedRetention and Messaging:Outbox:CleanupInterval must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
