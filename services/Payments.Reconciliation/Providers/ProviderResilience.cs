using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Payments.Reconciliation.Providers;

/// <summary>
/// The standard HTTP resilience handler (Microsoft.Extensions.Http.Resilience) on a provider's client, set from
/// Provider:Resilience. One pipeline per client, so the circuit's state is the provider's, not a request's. Outermost
/// first: a total bound, retries of transient answers (5xx, 408, 429, connection failures, attempt timeouts) with
/// jittered exponential backoff, the circuit breaker counting them, and a bound on each attempt. An open circuit fails
/// at once with BrokenCircuitException, which is not retried: housekeeping puts the check off instead.
/// </summary>
public static class ProviderResilience
{
    public static IHttpStandardResiliencePipelineBuilder AddProviderResilience(this IHttpClientBuilder client)
    {
        var pipeline = client.AddStandardResilienceHandler();
        pipeline.Configure((standard, services) => Apply(standard, services.GetRequiredService<IOptions<ProviderOptions>>().Value.Resilience));
        return pipeline;
    }

    private static void Apply(HttpStandardResilienceOptions standard, ResilienceOptions options)
    {
        standard.TotalRequestTimeout.Timeout = options.TotalTimeout;
        standard.AttemptTimeout.Timeout = options.AttemptTimeout;

        standard.Retry.MaxRetryAttempts = Math.Max(1, options.MaxRetries);
        standard.Retry.Delay = options.RetryDelay;
        standard.Retry.BackoffType = DelayBackoffType.Exponential;
        standard.Retry.UseJitter = true;
        if (options.MaxRetries == 0)
        {
            standard.Retry.ShouldHandle = static _ => PredicateResult.False();
        }

        // The provider's Retry-After is honoured, but only up to MaxRetryAfter: a check waits seconds, never minutes.
        standard.Retry.DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result) is { } after
            ? (TimeSpan?)(after < options.MaxRetryAfter ? after : options.MaxRetryAfter)
            : null);

        standard.CircuitBreaker.FailureRatio = options.BreakerFailureRatio;
        standard.CircuitBreaker.MinimumThroughput = options.BreakerMinimumThroughput;
        standard.CircuitBreaker.SamplingDuration = options.BreakerSamplingDuration;
        standard.CircuitBreaker.BreakDuration = options.BreakerBreakDuration;
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage? response) => response?.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - DateTimeOffset.UtcNow,
        _ => null,
    };
}
