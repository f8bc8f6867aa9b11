using Npgsql;

namespace Payments.Messaging.Inbox;

/// <summary>
/// A consumer's business logic. It runs inside one database transaction together with the inbox record of this
/// message and the outbox rows it publishes; a duplicate delivery never reaches it twice with effect.
/// </summary>
public interface IInboxHandler<TMessage> where TMessage : class
{
    Task HandleAsync(InboxContext<TMessage> context, CancellationToken cancellationToken);

    /// <summary>
    /// A write to make when a delivery turns out to be a duplicate (the inbox already holds the message), e.g. counting
    /// absorbed redeliveries next to the record of the first one. One statement on its own, run only on the duplicate
    /// path, so first deliveries pay nothing for it. Null (the default): a duplicate writes nothing.
    /// </summary>
    NpgsqlBatchCommand? OnDuplicate(TMessage message, Guid messageId) => null;
}
