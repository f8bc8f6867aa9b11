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

    /// <summary>
    /// Set in code by the service: the message types it publishes whose exchanges must exist before it publishes; they
    /// feed every queue in <see cref="RequiredQueues"/>, and <see cref="Subscribers"/> name theirs from them.
    /// </summary>
    public List<Type> RequiredMessageTypes { get; } = [];

    /// <summary>
    /// Other services' queues, each with the message types it consumes (names from <see cref="RequiredMessageTypes"/>),
    /// declared as MassTransit declares their receive endpoints: what this service publishes before a subscriber first
    /// ran waits in its queue instead of being dropped. A deployment's topology: the subscribers' queue names and the
    /// types each takes belong in configuration, kept in step with those services.
    /// </summary>
    public Dictionary<string, List<string>> Subscribers { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Set in code by the service: queues where its delayed retries wait (see <see cref="DelayQueue"/>).</summary>
    public List<DelayQueue> DelayQueues { get; } = [];

    /// <summary>Channels with publisher confirms used round-robin; a few suffice, each carries many outstanding confirms.</summary>
    public int PublishChannels { get; set; } = 4;

    /// <summary>How long a publish waits for the broker's confirm before it counts as failed.</summary>
    public TimeSpan ConfirmTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The connection name shown in the broker's management UI.</summary>
    public string ConnectionName { get; set; } = "payments";
}
