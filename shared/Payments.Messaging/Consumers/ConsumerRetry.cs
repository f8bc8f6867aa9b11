using MassTransit;
using Payments.Messaging.DeadLetters;

namespace Payments.Messaging.Consumers;

/// <summary>
/// The one retry policy of every consumer endpoint: exponential backoff with jitter through transient failures, up to
/// the endpoint's limit, then its _error queue. Never for a poisoned message (it would fail the same way every time,
/// holding a consumer slot), nor for what the endpoint handles otherwise (<see cref="ConsumerEndpoint.NotRetrying{TException}"/>).
/// </summary>
internal static class ConsumerRetry
{
    public static void Apply(IRetryConfigurator retry, int limit, RetryBackoff backoff, IReadOnlyList<Type> notRetried)
    {
        if (notRetried.Count > 0)
        {
            retry.Ignore([.. notRetried]);
        }

        retry.IgnorePoison();
        retry.Exponential(limit, backoff.MinInterval, backoff.MaxInterval, backoff.IntervalDelta);
    }
}
