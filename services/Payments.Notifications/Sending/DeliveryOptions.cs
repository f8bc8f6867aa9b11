namespace Payments.Notifications.Sending;

/// <summary>Notifications:Delivery: how hard the sender tries before it parks a notification for an operator.</summary>
public sealed class DeliveryOptions
{
    /// <summary>
    /// Concurrent sends per instance, each with its own SMTP connection (SmtpClient is not thread-safe) and thread.
    /// SMTP is request-reply, four round trips per email, so a connection spends most of its time waiting; parallel
    /// connections hide that, as mail servers do among themselves (Postfix opens up to 20 per destination by default).
    /// Under CPU contention with the consumer, 8 kept the sends going where 4 left them waiting; 16 sent no faster on
    /// two cores (bench/notifications, measured with a recorder linger since removed: backlog medians ~1,430-1,550/s
    /// with 4, ~1,780-1,810/s with 8 and with 16).
    /// </summary>
    public int Workers { get; set; } = 8;

    /// <summary>
    /// Failed sends before a notification is parked. With the default backoff (2 s doubling to 5 min, jittered) ten
    /// attempts span roughly 15-30 minutes of outage.
    /// </summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>Wait after the first failure; doubles with every further failure, with jitter, up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan BaseBackoff { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a claimed notification is reserved for the instance that claimed it. Should that instance die, another
    /// sends it once the lease has run out. Must exceed Smtp:Timeout by at least 15 s (a send starts only with
    /// Smtp:Timeout + 10 s of lease left).
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Polling fallback when no NOTIFY arrives (e.g. a notification whose backoff just ended).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
