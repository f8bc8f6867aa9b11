using System.ComponentModel.DataAnnotations;

namespace Payments.Notifications;

/// <summary>Notifications.</summary>
public sealed class NotificationsOptions
{
    /// <summary>Where "order needs attention" emails go: the merchant's operations team, never the customer.</summary>
    [Required(ErrorMessage = "Missing configuration: Notifications:OperationsEmail (environment variable Notifications__OperationsEmail).")]
    public string OperationsEmail { get; set; } = "";
}
