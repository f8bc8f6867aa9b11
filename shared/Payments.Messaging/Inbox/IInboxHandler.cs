namespace Payments.Messaging.Inbox;

/// <summary>
/// A consumer's business logic. It runs inside one database transaction together with the inbox record of this
/// message and the outbox rows it publishes; a duplicate delivery never reaches it twice with effect.
/// </summary>
public interface IInboxHandler<TMessage> where TMessage : class
{
    Task HandleAsync(InboxContext<TMessage> context, CancellationToken cancellationToken);
}
