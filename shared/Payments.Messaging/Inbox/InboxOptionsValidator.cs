using Microsoft.Extensions.Options;

namespace Payments.Messaging.Inbox;

/// <summary>Start-up validation naming each wrong key.</summary>
internal sealed class InboxOptionsValidator : IValidateOptions<InboxOptions>
{
    public ValidateOptionsResult Validate(string? name, InboxOptions options)
    {
        var failures = new List<string>();
        if (options.GroupCommit.Leaders <= 0 || options.GroupCommit.MaxSize <= 0)
        {
            failures.Add("Messaging:Inbox:GroupCommit:Leaders and MaxSize must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
