namespace Payments.Notifications;

/// <summary>Notifications.</summary>
public sealed class NotificationsOptions
{
    /// <summary>Where "order needs attention" emails go: the merchant's operations team, never the customer.</summary>
    public string OperationsEmail { get; set; } = "";

    /// <summary>
    /// How long a sent notification is kept (for GET /notifications and as a guard against sending an event's email again).
    /// After that the row, with the address and the text it holds, is deleted.
    /// Should a redelivered event arrive after both this and Messaging:Inbox:Retention, its email would be sent again.
    /// </summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(90);

    /// <summary>How long a parked notification waits for an operator's re-send (counted from parking); then it is deleted.</summary>
    public TimeSpan ParkedRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// How long a notification may stay pending (counted from its recording or last re-send) before it is deleted unsent:
    /// a receipt that late helps nobody. Normally a row is sent or parked within minutes (Notifications:Delivery).
    /// </summary>
    public TimeSpan PendingRetention { get; set; } = TimeSpan.FromDays(7);

    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromHours(1);
}
