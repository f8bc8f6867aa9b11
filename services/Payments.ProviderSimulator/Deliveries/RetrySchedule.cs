using Microsoft.Extensions.Options;
using Payments.ProviderSimulator.Configuration;

namespace Payments.ProviderSimulator.Deliveries;

/// <summary>
/// When to try again after a failed attempt: exponential backoff (FirstRetryDelay doubling up to MaxRetryDelay) with
/// ±20% jitter so receivers recovering from an outage are not hit by every retry at once, all multiplied by
/// TimeScale; never sooner than the receiver's Retry-After, which is its own request and so is not scaled. No retry
/// once the next attempt would fall outside the (scaled) RetryWindow: Stripe's three days.
/// </summary>
internal sealed class RetrySchedule(IOptions<SimulatorOptions> options)
{
    public TimeSpan? NextDelay(int failedAttempts, TimeSpan sinceFirstAttempt, TimeSpan? retryAfter)
    {
        var settings = options.Value;
        var delivery = settings.Delivery;
        var exponential = delivery.FirstRetryDelay.TotalSeconds * Math.Pow(2, Math.Min(failedAttempts - 1, 40));
        var backoffSeconds = Math.Min(exponential, delivery.MaxRetryDelay.TotalSeconds) * settings.TimeScale
            * (0.8 + (0.4 * Random.Shared.NextDouble()));
        var delay = TimeSpan.FromSeconds(backoffSeconds);
        if (retryAfter is { } asked && asked > delay)
        {
            delay = asked;
        }

        return sinceFirstAttempt + delay <= delivery.RetryWindow * settings.TimeScale ? delay : null;
    }

    /// <summary>Retry-After as seconds or as an HTTP date (https://www.rfc-editor.org/rfc/rfc9110#field.retry-after).</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date > now ? date - now : TimeSpan.Zero,
        _ => null,
    };
}
