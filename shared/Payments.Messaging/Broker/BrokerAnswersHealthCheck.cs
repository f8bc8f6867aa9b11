using HealthChecks.RabbitMQ;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Payments.Messaging.Broker;

/// <summary>
/// The broker answers on our connection now: AspNetCore.HealthChecks.Rabbitmq opens and closes a channel on it. Two
/// things the library cannot know are ours. A connection the broker blocks (a resource alarm) is never asked: the broker
/// reads nothing from it until the alarm clears, so a channel opened then would wait that long. And the probe answers
/// within the check's timeout whatever the channel does: the library closes its channel without a deadline, and a close
/// the broker stops reading mid-way waits for the client's continuation timeout (20 s), past any probe's patience.
/// </summary>
internal sealed class BrokerAnswersHealthCheck(BrokerConnection broker) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (broker.Connection is not { } connection)
            return HealthCheckResult.Unhealthy("The broker connection is not established yet.");
        if (broker.BlockedReason is { } reason)
            return HealthCheckResult.Unhealthy($"RabbitMQ blocks this connection ({reason}); it is not asked until the alarm clears.");

        // The timeout the registration gives cancels the token; WaitAsync stops waiting then, and the abandoned close
        // ends on its own (the library catches what it throws).
        return await new RabbitMQHealthCheck(connection).CheckHealthAsync(context, cancellationToken).WaitAsync(cancellationToken);
    }
}
