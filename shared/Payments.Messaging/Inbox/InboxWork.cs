using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Payments.Messaging.Inbox;

/// <summary>One delivery on its way through the inbox: the handler call, run alone or as part of a group commit.</summary>
internal abstract class InboxWork(string consumer, Guid messageId)
{
    private readonly TaskCompletionSource<InboxOutcome> _decided = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Consumer => consumer;

    public Guid MessageId => messageId;

    /// <summary>The consume span: a group runs each handler under its own message's span, so outbox rows carry that trace.</summary>
    public Activity? Activity { get; } = Activity.Current;

    public Task<InboxOutcome> Decided => _decided.Task;

    /// <summary>To be committed alone, never in a group (a retried delivery: it failed before).</summary>
    public bool Alone { get; init; }

    public void Decide(InboxOutcome outcome) => _decided.TrySetResult(outcome);

    /// <summary>The delivery failed (committed alone by a leader): its consumer rethrows, and the retry policy takes it.</summary>
    public void Fail(Exception exception) => _decided.TrySetException(exception);

    /// <summary>Runs the handler on the transaction, or on a <paramref name="group"/>'s when a group claimed the message.</summary>
    public abstract Task<IInboxWrites> HandleAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, GroupTransaction? group, CancellationToken cancellationToken);

    /// <summary>The delivery in a transaction of its own: the claim rides the first query, the writes go in one flush.</summary>
    public async Task<InboxOutcome> RunAloneAsync(NpgsqlDataSource dataSource, ILogger logger, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            var writes = await HandleAsync(connection, transaction, group: null, cancellationToken);
            await writes.FlushAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            writes.Committed(logger);
            return writes.Published ? InboxOutcome.Published : InboxOutcome.Handled;
        }
        catch (DuplicateMessageException)
        {
            await transaction.RollbackAsync(cancellationToken);
            return InboxOutcome.Duplicate;
        }
    }
}

internal sealed class InboxWork<TMessage>(TMessage message, Guid messageId, string consumer, IInboxHandler<TMessage> handler)
    : InboxWork(consumer, messageId) where TMessage : class
{
    public override async Task<IInboxWrites> HandleAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, GroupTransaction? group, CancellationToken cancellationToken)
    {
        var context = new InboxContext<TMessage>(message, MessageId, Consumer, connection, transaction, group);
        await handler.HandleAsync(context, cancellationToken);
        return context;
    }
}
