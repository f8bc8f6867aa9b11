namespace Payments.ServiceDefaults.Configuration;

/// <summary>One RabbitMQ node a service may connect to.</summary>
public sealed record BrokerNode(string Host, int Port)
{
    /// <summary>host:port, as MassTransit's cluster configurator takes a node.</summary>
    public override string ToString() => Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]:{Port}" : $"{Host}:{Port}";
}
