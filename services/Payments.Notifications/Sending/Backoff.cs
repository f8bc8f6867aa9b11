namespace Payments.Notifications.Sending;

internal static class Backoff
{
    /// <summary>
    /// Exponential with "equal jitter" (half fixed, half random): instances retrying after the same outage spread out
    /// instead of hitting the recovering server together, yet no retry comes sooner than half the nominal wait.
    /// </summary>
    public static TimeSpan After(int failedAttempts, DeliveryOptions options)
    {
        var exponent = Math.Min(Math.Max(failedAttempts - 1, 0), 30);
        var ceiling = Math.Min(options.MaxBackoff.TotalSeconds, options.BaseBackoff.TotalSeconds * Math.Pow(2, exponent));
        return TimeSpan.FromSeconds(ceiling / 2 + (Random.Shared.NextDouble() * ceiling / 2));
    }
}
