using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Payments.Orders.PaymentCreation;

/// <summary>
/// The standard HTTP resilience handler on the provider client, bounded by Provider:Timeout per attempt: transient
/// answers (5xx, 408, 429, connection failures, attempt timeouts) are retried with jittered backoff, and a circuit
/// breaker stops asking a provider that keeps failing (BrokenCircuitException: the order is left to the outbox).
/// Retrying a create is safe because each carries the order's Idempotency-Key.
/// </summary>
internal static class PaymentProviderResilience
{
    public static IHttpStandardResiliencePipelineBuilder AddPaymentProviderResilience(this IHttpClientBuilder client)
    {
        var pipeline = client.AddStandardResilienceHandler();
        pipeline.Configure((standard, services) =>
        {
            var provider = services.GetRequiredService<IOptions<ProviderOptions>>().Value;
            standard.AttemptTimeout.Timeout = provider.Timeout;
            standard.TotalRequestTimeout.Timeout = provider.TotalTimeout;
            standard.Retry.MaxRetryAttempts = Math.Max(1, provider.Retries);
            standard.Retry.BackoffType = DelayBackoffType.Exponential;
            standard.Retry.UseJitter = true;
            if (provider.Retries == 0)
            {
                standard.Retry.ShouldHandle = static _ => PredicateResult.False();
            }

            // The handler's rule: a sampling window holds at least two attempts.
            if (standard.CircuitBreaker.SamplingDuration < 2 * provider.Timeout)
            {
                standard.CircuitBreaker.SamplingDuration = 2 * provider.Timeout;
            }
        });
        return pipeline;
    }
}
