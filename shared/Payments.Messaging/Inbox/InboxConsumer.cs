using System.Reflection;
using MassTransit;
using Microsoft.Extensions.Logging;
using Npgsql;
using Payments.Messaging.Diagnostics;
using Payments.Messaging.Outbox;
using Payments.Messaging.Postgres;

namespace Payments.Messaging.Inbox;

/// <summary>
/// The MassTransit consumer around an <see cref="IInboxHandler{TMessage}"/>: one transaction holding the inbox claim
/// (the handler's <see cref="InboxKey{THandler}"/> and the message id), the business change and the outbox rows
/// (shared with other deliveries when the handler allows <see cref="GroupCommitAttribute">group commit</see>). A duplicate commits nothing and is acknowledged as success; an
/// exception rolls everything back and goes to the endpoint's retry policy, then to its error queue.
/// </summary>
public sealed class InboxConsumer<TMessage, THandler>(
    NpgsqlDataSource dataSource,
    THandler handler,
    InboxKey<THandler> key,
    DatabaseReadiness readiness,
    InboxGroupCommit groupCommit,
    OutboxSignal outbox,
    MessagingMetrics metrics,
    ILogger<InboxConsumer<TMessage, THandler>> logger) : IConsumer<TMessage>
    where TMessage : class
    where THandler : class, IInboxHandler<TMessage>
{
    private static readonly bool GroupCommit = typeof(THandler).GetCustomAttribute<GroupCommitAttribute>() is not null;

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var cancellationToken = context.CancellationToken;
        var messageId = context.MessageId
            ?? throw new MessageIdMissingException($"A {typeof(TMessage).Name} without a message id cannot be deduplicated.");
        await readiness.WaitAsync(cancellationToken);

        // Under group commit a leader commits every delivery (a retried one alone: it failed before).
        var work = new InboxWork<TMessage>(context.Message, messageId, key.Value, handler)
        {
            Alone = context.GetRetryAttempt() > 0 || context.GetRedeliveryCount() > 0,
        };
        var outcome = GroupCommit
            ? await groupCommit.CommitAsync(work, cancellationToken)
            : await work.RunAloneAsync(dataSource, logger, cancellationToken);

        switch (outcome)
        {
            case InboxOutcome.Duplicate:
                metrics.Duplicate(key.Value);
                await RecordDuplicateAsync(context.Message, messageId, cancellationToken);
                return;
            case InboxOutcome.Published:
                outbox.Wake();
                break;
        }

        metrics.Handled(key.Value);
    }

    // Runs after the first delivery committed (a duplicate's claim waits for it), so its rows are there to update.
    // A failure goes to the retry policy like any other: the redelivery is a duplicate again and counts then.
    private async Task RecordDuplicateAsync(TMessage message, Guid messageId, CancellationToken cancellationToken)
    {
        if (((IInboxHandler<TMessage>)handler).OnDuplicate(message, messageId) is not { } write)
        {
            return;
        }

        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(write);
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }
}
