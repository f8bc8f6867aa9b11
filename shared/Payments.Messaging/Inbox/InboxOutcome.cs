namespace Payments.Messaging.Inbox;

/// <summary>How a delivery ended in the inbox.</summary>
internal enum InboxOutcome
{
    /// <summary>Already handled: nothing was committed.</summary>
    Duplicate,

    /// <summary>Committed, with no outbox rows.</summary>
    Handled,

    /// <summary>Committed with outbox rows: the relay has something to publish.</summary>
    Published,
}
