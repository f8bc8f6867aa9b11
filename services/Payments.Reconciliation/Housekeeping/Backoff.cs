namespace Payments.Reconciliation.Housekeeping;

/// <summary>When to look at a payment again.</summary>
public static class Backoff
{
    /// <summary>
    /// After the n-th check: StaleAfter × 2^n, capped at MaxCheckInterval, and never past the deadline (so the last
    /// check lands on it). A payment first checked at StaleAfter is checked again when it is about twice as old:
    /// few calls for payments that stay pending long, quick ones while webhooks are still expected.
    /// </summary>
    public static DateTimeOffset NextCheck(int checksDone, DateTimeOffset now, DateTimeOffset deadline, ReconciliationOptions options)
    {
        var next = now + Doubling(options.StaleAfter, checksDone, options.MaxCheckInterval);
        return next < deadline ? next : deadline;
    }

    /// <summary>
    /// After the n-th consecutive provider failure: Interval × 2^n, at most StaleAfter, so once the provider is back
    /// every payment it failed for is looked at again within StaleAfter, however long the outage was.
    /// </summary>
    public static DateTimeOffset AfterProviderError(int consecutiveErrors, DateTimeOffset now, ReconciliationOptions options)
    {
        var cap = options.StaleAfter > options.Interval ? options.StaleAfter : options.Interval;
        return now + Doubling(options.Interval, consecutiveErrors, cap);
    }

    private static TimeSpan Doubling(TimeSpan first, int steps, TimeSpan cap)
    {
        var factor = Math.Pow(2, Math.Clamp(steps, 0, 30));
        var ticks = first.Ticks * factor;
        return ticks >= cap.Ticks ? cap : TimeSpan.FromTicks((long)ticks);
    }
}
