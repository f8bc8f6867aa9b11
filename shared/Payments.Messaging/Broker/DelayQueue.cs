namespace Payments.Messaging.Broker;

/// <summary>
/// A queue nobody consumes: a message published to it waits <paramref name="Delay"/>, then the broker moves it to the
/// exchange <paramref name="ReturnTo"/> (a receive endpoint's own exchange, which feeds only its queue). A retry that
/// waits here holds no consumer slot, and survives a restart of the consumer. Declared by <see cref="BrokerConnection"/>
/// with the rest of the topology: a quorum queue whose expired messages are dead-lettered at least once (RabbitMQ 3.10+).
/// Publish to the exchange of the same name, which feeds only this queue.
/// </summary>
public sealed record DelayQueue(string Name, TimeSpan Delay, string ReturnTo);
