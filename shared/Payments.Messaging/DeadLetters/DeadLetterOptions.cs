namespace Payments.Messaging.DeadLetters;

/// <summary>Messaging:DeadLetters.</summary>
public sealed class DeadLetterOptions
{
    /// <summary>
    /// How long a message stays in a receive endpoint's `_error` (faulted) or `_skipped` (no consumer) queue; RabbitMQ
    /// then drops it, with whatever personal data it carries: the queue argument x-message-ttl, in whole milliseconds.
    /// </summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(14);
}
