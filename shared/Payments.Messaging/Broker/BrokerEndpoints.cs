using Payments.ServiceDefaults.Configuration;
using RabbitMQ.Client;

namespace Payments.Messaging.Broker;

/// <summary>ConnectionStrings:RabbitMq as RabbitMQ.Client takes it: credentials on the factory, one endpoint per cluster node.</summary>
public static class BrokerEndpoints
{
    public static void ApplyTo(this BrokerAddress broker, ConnectionFactory factory)
    {
        factory.UserName = broker.UserName;
        factory.Password = broker.Password;
        factory.VirtualHost = broker.VirtualHost;
    }

    /// <summary>
    /// The nodes in the order given: the client tries them in turn on connect and again on every automatic recovery, so
    /// a publisher whose node died reconnects to a surviving one.
    /// </summary>
    public static IList<AmqpTcpEndpoint> Endpoints(this BrokerAddress broker) =>
        [.. broker.Nodes.Select(node => new AmqpTcpEndpoint(node.Host, node.Port, new SslOption(node.Host, enabled: broker.Tls)))];
}
