namespace Payments.ProviderSimulator.Faults;

/// <summary>
/// What to break and how often: Simulator:Faults at start, the body of PUT /sim/faults at run time (same fields,
/// snake_case there). Rates are fractions from 0 to 1; absent fields mean "no such fault".
/// </summary>
public sealed record FaultSettings
{
    /// <summary>Webhooks never sent and never retried.</summary>
    public double DropRate { get; init; }

    /// <summary>Webhooks delivered twice (a second, independent delivery of the same event).</summary>
    public double DuplicateRate { get; init; }

    /// <summary>Each webhook waits a random 0..MaxDelayMs before its first attempt.</summary>
    public int MaxDelayMs { get; init; }

    /// <summary>Webhooks held back and sent after the next one to the same receiver.</summary>
    public double ReorderRate { get; init; }

    /// <summary>How long a held-back webhook waits for a successor before it is sent anyway.</summary>
    public int ReorderHoldMs { get; init; } = 2000;

    /// <summary>API requests answered 500 with a Stripe api_error (LiqPay: its error shape) without being executed.</summary>
    public double ApiErrorRate { get; init; }

    /// <summary>API requests answered 429 with Retry-After without being executed.</summary>
    public double RateLimitRate { get; init; }

    public int RateLimitRetryAfterSeconds { get; init; } = 1;

    /// <summary>Each API request waits a random 0..ApiMaxDelayMs before it is handled.</summary>
    public int ApiMaxDelayMs { get; init; }

    /// <summary>Seeds the random decisions, so a run with the same seed and the same events makes the same ones.</summary>
    public int? Seed { get; init; }

    /// <summary>Field name and what is wrong with it, for each invalid field.</summary>
    public IEnumerable<(string Field, string Message)> Validate()
    {
        foreach (var (field, rate) in new[]
                 {
                     (nameof(DropRate), DropRate), (nameof(DuplicateRate), DuplicateRate), (nameof(ReorderRate), ReorderRate),
                     (nameof(ApiErrorRate), ApiErrorRate), (nameof(RateLimitRate), RateLimitRate),
                 })
        {
            if (!(rate is >= 0 and <= 1))
            {
                yield return (field, "must be between 0 and 1.");
            }
        }

        if (ApiErrorRate + RateLimitRate > 1)
        {
            yield return (nameof(RateLimitRate), "plus ApiErrorRate must not exceed 1.");
        }

        foreach (var (field, value) in new[]
                 {
                     (nameof(MaxDelayMs), MaxDelayMs), (nameof(ReorderHoldMs), ReorderHoldMs),
                     (nameof(RateLimitRetryAfterSeconds), RateLimitRetryAfterSeconds), (nameof(ApiMaxDelayMs), ApiMaxDelayMs),
                 })
        {
            if (value < 0)
            {
                yield return (field, "must not be negative.");
            }
        }
    }
}
