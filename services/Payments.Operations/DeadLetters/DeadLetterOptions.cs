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
}
