using Microsoft.Extensions.Options;

namespace Payments.Notifications.Sending;

/// <summary>Start-up validation naming each wrong key.</summary>
internal sealed class DeliveryOptionsValidator(IOptions<SmtpOptions> smtp) : IValidateOptions<DeliveryOptions>
{
    public ValidateOptionsResult Validate(string? name, DeliveryOptions options)
    {
        var failures = new List<string>();
        if (options.Workers <= 0 || options.MaxAttempts <= 0)
        {
            failures.Add("Notifications:Delivery:Workers and MaxAttempts must be positive.");
        }

        if (options.BaseBackoff <= TimeSpan.Zero || options.MaxBackoff < options.BaseBackoff || options.PollInterval <= TimeSpan.Zero)
        {
            failures.Add("Notifications:Delivery:BaseBackoff and PollInterval must be positive, MaxBackoff at least BaseBackoff.");
        }

        // A row is leased for one send: the lease outlasts the longest send, with the sender's margin and some slack.
        if (options.Lease < smtp.Value.Timeout + NotificationSender.LeaseMargin + TimeSpan.FromSeconds(5))
        {
            failures.Add("Notifications:Delivery:Lease must exceed Smtp:Timeout by at least 15 s.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
