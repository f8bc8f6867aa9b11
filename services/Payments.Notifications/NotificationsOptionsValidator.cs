using System.Net.Mail;
using Microsoft.Extensions.Options;
using Payments.Notifications.Sending;

namespace Payments.Notifications;

/// <summary>Start-up validation naming each wrong key.</summary>
internal sealed class NotificationsOptionsValidator(IOptions<DeliveryOptions> delivery) : IValidateOptions<NotificationsOptions>
{
    public ValidateOptionsResult Validate(string? name, NotificationsOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrEmpty(options.OperationsEmail))
        {
            failures.Add("Missing configuration: Notifications:OperationsEmail (environment variable Notifications__OperationsEmail).");
        }
        else if (!MailAddress.TryCreate(options.OperationsEmail, out _))
        {
            failures.Add("Notifications:OperationsEmail must be an email address.");
        }

        if (options.Retention <= TimeSpan.Zero || options.ParkedRetention <= TimeSpan.Zero || options.CleanupInterval <= TimeSpan.Zero)
        {
            failures.Add("Notifications:Retention, Notifications:ParkedRetention and Notifications:CleanupInterval must be positive.");
        }

        // A pending row is leased while it is sent: it must not age out under a send in flight.
        if (options.PendingRetention <= delivery.Value.Lease)
        {
            failures.Add("Notifications:PendingRetention must exceed Notifications:Delivery:Lease.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
