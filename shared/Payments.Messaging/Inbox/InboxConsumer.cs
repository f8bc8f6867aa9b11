using MassTransit;
using Npgsql;
using Payments.Messaging.Diagnostics;
using Payments.Messaging.Outbox;
using Payments.Messaging.Postgres;

namespace Payments.Messaging.Inbox;

/// <summary>
/// The MassTransit consumer around an <see cref="IInboxHandler{TMessage}"/>: one transaction holding the inbox claim,
/// the business change and the outbox rows. A duplicate commits nothing and is acknowledged as success; an exception
/// rolls everything back and goes to the endpoint's retry policy, then to its error queue.
/// </summary>
public sealed class InboxConsumer<TMessage, THandler>(
    NpgsqlDataSource dataSource,
    THandler handler,
    DatabaseReadiness readiness,
    OutboxSignal outbox,
    MessagingMetrics metrics) : IConsumer<TMessage>
    where TMessage : class
    where THandler : class, IInboxHandler<TMessage>
{
    /// <summary>The inbox key's consumer part; stable across deployments as long as the handler keeps its name.</summary>
    public static readonly string ConsumerName = typeof(THandler).Name;

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var cancellationToken = context.CancellationToken;
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"A {typeof(TMessage).Name} without a message id cannot be deduplicated.");
        await readiness.WaitAsync(cancellationToken);

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var inbox = new InboxContext<TMessage>(context.Message, messageId, ConsumerName, connection, transaction);
        try
        {
            await handler.HandleAsync(inbox, cancellationToken);
            await inbox.FlushAsync(cancellationToken);
        }
        catch (DuplicateMessageException)
        {
            await transaction.RollbackAsync(cancellationToken);
            metrics.Duplicate(ConsumerName);
            return;
        }

        await transaction.CommitAsync(cancellationToken);
        if (inbox.Published)
        {
            outbox.Wake();
        }

        metrics.Handled(ConsumerName);
    }
}
