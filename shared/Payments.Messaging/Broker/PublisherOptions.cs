namespace Payments.Messaging.Broker;

/// <summary>How a service publishes (bound from its own section, e.g. Ingress:Broker or Messaging:Broker). The address is ConnectionStrings:RabbitMq.</summary>
public sealed class PublisherOptions
{
    /// <summary>
    /// Queues that must exist before the service publishes anything, declared exactly as MassTransit declares a
    /// receive endpoint for <see cref="RequiredMessageTypes"/> (quorum queue, same-named fanout exchange bound to each
    /// message type exchange), so an event published before its consumer ever ran waits instead of being dropped.
    /// </summary>
    public List<string> RequiredQueues { get; set; } = [];

    /// <summary>Set in code by the service: the message types whose exchanges feed <see cref="RequiredQueues"/>.</summary>
    public List<Type> RequiredMessageTypes { get; } = [];

    /// <summary>Channels with publisher confirms used round-robin; a few suffice, each carries many outstanding confirms.</summary>
    public int PublishChannels { get; set; } = 4;

    /// <summary>How long a publish waits for the broker's confirm before it counts as failed.</summary>
    public TimeSpan ConfirmTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The connection name shown in the broker's management UI.</summary>
    public string ConnectionName { get; set; } = "payments";
}
