namespace Payments.Messaging.Inbox;

/// <summary>Messaging:Inbox.</summary>
public sealed class InboxOptions
{
    /// <summary>How long a handled message id is remembered; a redelivery later than this would be handled again.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);

    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Messaging:Inbox:GroupCommit, for <see cref="GroupCommitAttribute"/> handlers.</summary>
    public GroupCommitOptions GroupCommit { get; set; } = new();
}

/// <summary>Messaging:Inbox:GroupCommit.</summary>
public sealed class GroupCommitOptions
{
    /// <summary>Groups committed at the same time (each holds a connection); while one commits, the next one forms.</summary>
    public int Leaders { get; set; } = 2;

    /// <summary>The most deliveries in one transaction; 1 commits every delivery alone.</summary>
    public int MaxSize { get; set; } = 64;
}
