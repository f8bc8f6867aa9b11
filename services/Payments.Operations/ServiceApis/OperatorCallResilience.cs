using Microsoft.Extensions.Http.Resilience;

namespace Payments.Operations.ServiceApis;

/// <summary>
/// Resilience for calls an operator is waiting on: a service that does not answer is named as unavailable within a few
/// seconds, not after the standard handler's 2-4-8 s back-off and 30 s total. A refused connection is retried twice
/// within half a second; a hung service costs at most <see cref="TotalTimeout"/>. Only safe methods are retried.
/// </summary>
public static class OperatorCallResilience
{
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(3);

    public static readonly TimeSpan TotalTimeout = TimeSpan.FromSeconds(8);

    public static IHttpStandardResiliencePipelineBuilder AddOperatorCallResilience(this IHttpClientBuilder client) =>
        client.AddStandardResilienceHandler(o =>
        {
            o.Retry.DisableForUnsafeHttpMethods();
            o.Retry.MaxRetryAttempts = 2;
            o.Retry.Delay = TimeSpan.FromMilliseconds(150);
            o.AttemptTimeout.Timeout = AttemptTimeout;
            o.TotalRequestTimeout.Timeout = TotalTimeout;
        });
}
