namespace Payments.Messaging.Outbox;

/// <summary>Messaging:Outbox.</summary>
public sealed class OutboxOptions
{
    /// <summary>Rows claimed per transaction (FOR UPDATE SKIP LOCKED) and published concurrently.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>Claim loops per instance: while one waits for confirms another claims the next batch.</summary>
    public int Workers { get; set; } = 2;

    /// <summary>Polling fallback when no NOTIFY arrives (e.g. a row whose backoff just expired).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Failed publishes before a row is parked in messaging.outbox_parked.</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>Backoff after the first failure; doubles per attempt up to <see cref="MaxBackoff"/>, with equal jitter (a delay between half that ceiling and all of it).</summary>
    public TimeSpan BaseBackoff { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a parked row is kept for an operator; then it is deleted, with the message (personal data included) it holds.</summary>
    public TimeSpan ParkedRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often parked rows past <see cref="ParkedRetention"/> are looked for.</summary>
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromHours(1);
}
