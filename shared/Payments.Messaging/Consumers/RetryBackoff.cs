namespace Payments.Messaging.Consumers;

/// <summary>
/// The intervals of an endpoint's exponential retry, as MassTransit's <c>Exponential</c> takes them: each wait grows from
/// <paramref name="MinInterval"/> by a randomized multiple of <paramref name="IntervalDelta"/> (the jitter that keeps
/// retried deliveries apart), up to <paramref name="MaxInterval"/>.
/// </summary>
public sealed record RetryBackoff(TimeSpan MinInterval, TimeSpan MaxInterval, TimeSpan IntervalDelta)
{
    /// <summary>A database or broker blip: retried within a second, never more than 30 s apart.</summary>
    public static RetryBackoff Transient { get; } = new(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(500));
}
