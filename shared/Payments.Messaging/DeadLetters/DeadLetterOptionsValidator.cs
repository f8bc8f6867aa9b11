using Microsoft.Extensions.Options;

namespace Payments.Messaging.DeadLetters;

/// <summary>Start-up validation naming each wrong key.</summary>
internal sealed class DeadLetterOptionsValidator : IValidateOptions<DeadLetterOptions>
{
    public ValidateOptionsResult Validate(string? name, DeadLetterOptions options)
    {
        var failures = new List<string>();
        if (options.Retention < TimeSpan.FromSeconds(1))
        {
            failures.Add("Messaging:DeadLetters:Retention must be at least 00:00:01.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
