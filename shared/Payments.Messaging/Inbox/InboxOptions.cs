namespace Payments.Messaging.Inbox;

/// <summary>Messaging:Inbox.</summary>
public sealed class InboxOptions
{
    /// <summary>How long a handled message id is remembered; a redelivery later than this would be handled again.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);

    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromHours(1);
}
