using MassTransit;
using Payments.ServiceDefaults.Configuration;

namespace Payments.Messaging.Broker;

/// <summary>ConnectionStrings:RabbitMq as MassTransit's host: the first node, and every node as a cluster member to fail over to.</summary>
internal static class BrokerHost
{
    public static void ConfigureHost(this IRabbitMqBusFactoryConfigurator cfg, BrokerAddress broker)
    {
        var first = broker.Nodes[0];
        cfg.Host(first.Host, (ushort)first.Port, broker.VirtualHost, h =>
        {
            h.Username(broker.UserName);
            h.Password(broker.Password);
            // A node cut off the network sends no FIN: heartbeats are how the bus notices and moves to another node.
            h.Heartbeat(TimeSpan.FromSeconds(10));
            if (broker.Tls)
                h.UseSsl(ssl => ssl.ServerName = first.Host);
            if (broker.Nodes.Count > 1)
                h.UseCluster(cluster =>
                {
                    foreach (var node in broker.Nodes)
                        cluster.Node(node.ToString());
                });
        });
    }
}
