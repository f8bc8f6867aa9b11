namespace Payments.ServiceDefaults.Resilience;

/// <summary>The one retry delay for work that is tried again later (outbox rows, notifications).</summary>
public static class JitteredBackoff
{
    /// <summary>
    /// <paramref name="first"/> doubled <paramref name="doublings"/> times, capped at <paramref name="max"/>, with "equal
    /// jitter" (half fixed, half random): instances retrying after the same outage spread out instead of hitting the
    /// recovering server together, yet no retry comes sooner than half the nominal wait.
    /// </summary>
    public static TimeSpan Delay(int doublings, TimeSpan first, TimeSpan max)
    {
        var exponent = Math.Clamp(doublings, 0, 30);
        var ceiling = Math.Min(max.TotalSeconds, first.TotalSeconds * Math.Pow(2, exponent));
        return TimeSpan.FromSeconds(ceiling / 2 + (Random.Shared.NextDouble() * ceiling / 2));
    }
}
