using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Payments.Messaging.Broker;

/// <summary>
/// Ready means a webhook accepted now can be made durable: the queues consumers read are declared and the publish
/// channels are open. AspNetCore.HealthChecks.Rabbitmq proves the broker answers on our connection; only we know
/// which topology has to exist before a publish is confirmed rather than dropped as unroutable.
/// </summary>
internal sealed class BrokerTopologyHealthCheck(BrokerConnection broker) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(broker.IsReady
            ? HealthCheckResult.Healthy("RabbitMQ topology declared, publish channels open.")
            : broker.BlockedReason is { } reason
                ? HealthCheckResult.Unhealthy($"RabbitMQ blocks publishing ({reason}): a resource alarm holds until memory or disk is freed.")
                : HealthCheckResult.Unhealthy("RabbitMQ is not reachable yet, or its topology is not declared."));
}
