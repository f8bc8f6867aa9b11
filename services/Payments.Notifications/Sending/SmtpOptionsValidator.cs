using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace Payments.Notifications.Sending;

/// <summary>Start-up validation naming each wrong key (the credentials rule is <see cref="SmtpCredentialsValidator"/>'s).</summary>
internal sealed class SmtpOptionsValidator : IValidateOptions<SmtpOptions>
{
    public ValidateOptionsResult Validate(string? name, SmtpOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrEmpty(options.Host))
        {
            failures.Add("Missing configuration: Smtp:Host (environment variable Smtp__Host).");
        }

        if (options.Port is < 1 or > 65535)
        {
            failures.Add("Smtp:Port must be a TCP port (1-65535).");
        }

        if (string.IsNullOrEmpty(options.From))
        {
            failures.Add("Missing configuration: Smtp:From (environment variable Smtp__From).");
        }
        else if (!MailAddress.TryCreate(options.From, out _))
        {
            failures.Add("Smtp:From must be an email address, e.g. \"Shop <shop@example.com>\".");
        }

        if (options.Timeout <= TimeSpan.Zero)
        {
            failures.Add("Smtp:Timeout must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
