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

    /// <summary>Not decided by its group (the group failed, or was a group of one): the delivery runs in a transaction of its own.</summary>
    RunAlone,
}
