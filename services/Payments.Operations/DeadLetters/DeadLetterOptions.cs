namespace Payments.Operations.DeadLetters;

/// <summary>Operations:DeadLetters: the error queues read into Operations' table.</summary>
public sealed class DeadLetterOptions
{
    public const string Section = "Operations:DeadLetters";

    /// <summary>MassTransit's `{queue}_error` queues; a replay goes back to `{queue}` (the name without `_error`).</summary>
    public List<string> Queues { get; set; } = [];

    /// <summary>Unacknowledged messages per queue in flight between the broker and the database.</summary>
    public ushort Prefetch { get; set; } = 32;

    /// <summary>How often a queue that does not exist yet (its consumer never failed a message) is looked for again.</summary>
    public TimeSpan MissingQueueRetry { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a replayed or discarded row is kept after it was (last) replayed or discarded, as the history of what an
    /// operator did; then the row, the message's body and its personal data with it, is deleted.
    /// </summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// How long a row nobody replayed or discarded is kept after Operations read it from its error queue; then it is
    /// deleted too (and the deletion logged with counts only), so a message no operator looked at does not keep a
    /// customer's address for ever. Deleted, not redacted: a row without its body cannot be replayed, and the fault
    /// message and headers can quote the message, so nothing worth keeping would be left.
    /// </summary>
    public TimeSpan DeadRetention { get; set; } = TimeSpan.FromDays(90);

    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromHours(1);
}
