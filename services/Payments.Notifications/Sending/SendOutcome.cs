namespace Payments.Notifications.Sending;

/// <summary>What became of one claimed notification, to be recorded.</summary>
internal enum SendOutcome
{
    /// <summary>The SMTP server accepted it.</summary>
    Sent,

    /// <summary>Failed; try again after the backoff.</summary>
    RetryLater,

    /// <summary>Failed for the last time (or for good): an operator decides.</summary>
    Parked,

    /// <summary>Not attempted (shutting down, or too little of its lease left): due again at once.</summary>
    Released,
}
