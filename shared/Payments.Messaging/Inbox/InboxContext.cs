using Microsoft.Extensions.Logging;
using Npgsql;
using Payments.Messaging.Outbox;
using Payments.Messaging.Postgres;

namespace Payments.Messaging.Inbox;

/// <summary>
/// What a handler sees: the message, and a transaction shaped for few round trips. The inbox claim rides along with
/// the handler's first query; writes and published messages are deferred and sent as one batch before the commit,
/// after which the relay is woken in-process (no NOTIFY: see <see cref="OutboxSignal"/>).
/// </summary>
public sealed class InboxContext<TMessage> : IInboxWrites where TMessage : class
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private readonly string _consumer;
    private readonly List<NpgsqlBatchCommand> _deferred = [];
    private List<Action>? _committed;
    private readonly GroupTransaction? _group;
    private bool _claimed;
    private int _published;

    /// <param name="group">In a group commit: the group already claimed the message, and queries carry earlier handlers' writes.</param>
    internal InboxContext(TMessage message, Guid messageId, string consumer, NpgsqlConnection connection, NpgsqlTransaction transaction, GroupTransaction? group = null)
    {
        _group = group;
        _claimed = group is not null;
        Message = message;
        MessageId = messageId;
        _consumer = consumer;
        _connection = connection;
        _transaction = transaction;
    }

    public TMessage Message { get; }

    public Guid MessageId { get; }

    /// <summary>Runs a query now (in the transaction) and maps its rows. Lock rows you will change with FOR UPDATE.</summary>
    public async Task<List<T>> QueryAsync<T>(NpgsqlBatchCommand query, Func<NpgsqlDataReader, T> map, CancellationToken cancellationToken)
    {
        if (_group is not null)
        {
            return await _group.QueryAsync(query, map, cancellationToken);
        }

        await using var batch = new NpgsqlBatch(_connection, _transaction);
        var claiming = !_claimed;
        if (claiming)
        {
            batch.BatchCommands.Add(Claim());
        }

        batch.BatchCommands.Add(query);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        if (claiming)
        {
            await EnsureClaimedAsync(reader, cancellationToken);
            await reader.NextResultAsync(cancellationToken);
        }

        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    /// <summary>Defers a write to the commit batch.</summary>
    public void Execute(NpgsqlBatchCommand command) => _deferred.Add(command);

    /// <summary>Publishes an event through the outbox: it leaves only if this transaction commits, to whoever subscribes.</summary>
    public void Publish<T>(T message, Guid? messageId = null) where T : class
    {
        _deferred.Add(OutboxWriter.Insert(message, messageId));
        _published++;
    }

    /// <summary>Sends a command through the outbox: like <see cref="Publish{T}"/>, but it must reach a queue (mandatory).</summary>
    public void Send<T>(T command, Guid? messageId = null) where T : class
    {
        _deferred.Add(OutboxWriter.Insert(command, messageId, mandatory: true));
        _published++;
    }

    /// <summary>
    /// Runs <paramref name="action"/> once the transaction holding this handler's writes has committed, and never if it
    /// rolls back (a group that fails runs the handler again, alone, with a fresh context). It runs on the consumer's
    /// path right after the commit, so it must be quick and must not throw: there is nothing left to roll back. A
    /// deferred command's <see cref="NpgsqlBatchCommand.RecordsAffected"/> is known by then.
    /// </summary>
    public void OnCommitted(Action action) => (_committed ??= []).Add(action);

    /// <summary>Whether the transaction wrote outbox rows (the relay is woken after the commit).</summary>
    bool IInboxWrites.Published => _published > 0;

    IReadOnlyList<NpgsqlBatchCommand> IInboxWrites.Deferred => _deferred;

    void IInboxWrites.Committed(ILogger logger)
    {
        foreach (var action in _committed ?? [])
        {
            try
            {
                action();
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "An action after the commit of {Consumer}'s message {MessageId} failed; the message stays handled.", _consumer, MessageId);
            }
        }
    }

    /// <summary>Sends the deferred batch; throws <see cref="DuplicateMessageException"/> if the claim fails.</summary>
    async Task IInboxWrites.FlushAsync(CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(_connection, _transaction);
        var claiming = !_claimed;
        if (claiming)
        {
            batch.BatchCommands.Add(Claim());
        }

        foreach (var command in _deferred)
        {
            batch.BatchCommands.Add(command);
        }

        if (batch.BatchCommands.Count == 0)
        {
            return;
        }

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        if (claiming)
        {
            await EnsureClaimedAsync(reader, cancellationToken);
        }

        while (await reader.NextResultAsync(cancellationToken))
        {
            // Drain: errors in later statements surface here, before the commit.
        }
    }

    private async Task EnsureClaimedAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        if (!await reader.ReadAsync(cancellationToken))
        {
            throw new DuplicateMessageException();
        }

        _claimed = true;
    }

    // Blocks on the unique key while a concurrent delivery of the same message is in flight, then sees its row.
    private NpgsqlBatchCommand Claim()
    {
        return new NpgsqlBatchCommand("INSERT INTO messaging.inbox (consumer, message_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING 1")
            .Bind(_consumer).Bind(MessageId);
    }
}
