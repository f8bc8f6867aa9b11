using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Payments.Messaging.Broker;

/// <summary>Ready means a webhook accepted now can be made durable.</summary>
internal sealed class BrokerHealthCheck(BrokerConnection broker) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(broker.IsReady
            ? HealthCheckResult.Healthy("RabbitMQ connected and topology declared.")
            : HealthCheckResult.Unhealthy("RabbitMQ is not reachable yet."));
}
