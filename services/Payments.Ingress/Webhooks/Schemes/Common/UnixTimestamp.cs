using System.Globalization;

namespace Payments.Ingress.Webhooks.Schemes.Common;

/// <summary>The signed "seconds since the epoch" header value of Stripe and Standard Webhooks, and its freshness check.</summary>
internal static class UnixTimestamp
{
    /// <summary>Digits only: a sign, spaces or a fraction would let one signed value be spelled several ways.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out long seconds) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out seconds);

    /// <summary>
    /// Null when <paramref name="seconds"/> is within <paramref name="tolerance"/> of <paramref name="now"/>.
    /// The future is bounded too: a request signed for a later time would otherwise stay replayable until then.
    /// </summary>
    public static RejectionReason? CheckFreshness(long seconds, DateTimeOffset now, TimeSpan tolerance)
    {
        // seconds is non-negative (digits only) and now is a real clock, so the subtraction cannot overflow.
        var age = now.ToUnixTimeSeconds() - seconds;
        var limit = (long)tolerance.TotalSeconds;
        if (age > limit)
        {
            return RejectionReason.StaleTimestamp;
        }

        return age < -limit ? RejectionReason.FutureTimestamp : null;
    }
}
