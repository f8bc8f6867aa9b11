using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Payments.Reconciliation.Providers;

/// <summary>
/// One resilience pipeline per provider, shared by every call to it (the circuit's state is the provider's, not a
/// request's). Outermost first: retry a transient failure a few times with jittered backoff, count it in the
/// circuit breaker, bound each attempt by a timeout. An open circuit fails at once with
/// <see cref="BrokenCircuitException"/>, which is not retried: housekeeping puts the check off instead.
/// </summary>
public sealed class ProviderResilience(IOptions<ProviderOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, ResiliencePipeline> _pipelines = new(StringComparer.Ordinal);

    public ResiliencePipeline For(string provider) => _pipelines.GetOrAdd(provider, name => Build(name, options.Value.Resilience, time));

    public static ResiliencePipeline Build(string provider, ResilienceOptions options, TimeProvider time)
    {
        var transient = new PredicateBuilder()
            .Handle<ProviderUnavailableException>()
            .Handle<HttpRequestException>()
            .Handle<TimeoutRejectedException>();
        var builder = new ResiliencePipelineBuilder { Name = $"provider-{provider}", TimeProvider = time };
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = transient,
                MaxRetryAttempts = options.MaxRetries,
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Exception is ProviderUnavailableException { RetryAfter: { } after }
                        ? (TimeSpan?)(after < options.MaxRetryAfter ? after : options.MaxRetryAfter)
                        : null),
            });
        }

        return builder
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = transient,
                FailureRatio = options.BreakerFailureRatio,
                MinimumThroughput = options.BreakerMinimumThroughput,
                SamplingDuration = options.BreakerSamplingDuration,
                BreakDuration = options.BreakerBreakDuration,
            })
            .AddTimeout(options.AttemptTimeout)
            .Build();
    }
}
