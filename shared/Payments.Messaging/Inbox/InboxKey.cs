namespace Payments.Messaging.Inbox;

/// <summary>
/// The durable name a handler's deliveries are recorded under in messaging.inbox (consumer, message_id): given where
/// the consumer is registered, never derived from a class name, so a handler can be renamed without the inbox
/// forgetting what it applied. One key per handler, one handler per key within a service: a handler of several message
/// types keeps one dedup space. Changing a key is a migration of the rows it names
/// (docs/decisions/0032-explicit-inbox-keys.md).
/// </summary>
public abstract record InboxKey(string Value)
{
    public abstract Type Handler { get; }

    public sealed override string ToString() => Value;
}

/// <summary>The key of <typeparamref name="THandler"/>, registered as a singleton for its inbox consumers.</summary>
public sealed record InboxKey<THandler>(string Value) : InboxKey(Value) where THandler : class
{
    public override Type Handler => typeof(THandler);
}
