using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using Payments.Messaging.Diagnostics;
using Payments.Messaging.Postgres;

namespace Payments.Messaging.Inbox;

/// <summary>
/// Group commit for <see cref="GroupCommitAttribute"/> handlers. Deliveries that arrive while others are being
/// committed wait in a queue; whichever consumer finds a free leader slot commits everything queued, up to
/// Messaging:Inbox:GroupCommit:MaxSize, in one transaction: one statement claims the whole group, the handlers run one
/// after another (each sees what the ones before it wrote), a handler's writes ride with the next one's query, and one
/// commit (one WAL flush) covers them all. Nobody waits for a group to fill: an idle consumer commits alone, a busy one
/// commits in groups as large as the backlog.
/// If anything in a group fails, the group rolls back and the leader runs each delivery alone in its own transaction,
/// so a failure (an order not found, a poison message) stays that delivery's own and meets the endpoint's retry policy.
/// Every transaction of these consumers is a leader's: the service holds at most Leaders connections for them, however
/// many deliveries are in flight.
/// </summary>
public sealed class InboxGroupCommit(
    NpgsqlDataSource dataSource,
    IOptions<InboxOptions> options,
    MessagingMetrics metrics,
    ILogger<InboxGroupCommit> logger)
{
    private readonly ConcurrentQueue<InboxWork> _queue = new();
    private readonly SemaphoreSlim _leaders = new(options.Value.GroupCommit.Leaders);
    private readonly int _maxSize = options.Value.GroupCommit.MaxSize;

    /// <summary>Queues the delivery and leads groups while there is work and a free slot; returns how the delivery ended.</summary>
    internal async Task<InboxOutcome> CommitAsync(InboxWork work, CancellationToken cancellationToken)
    {
        _queue.Enqueue(work);
        // A leader re-checks the queue after giving its slot back, so a delivery queued while every slot was taken
        // is never stranded: either its own consumer takes the freed slot, or the leaders that freed it come back.
        do
        {
            if (!_leaders.Wait(0))
            {
                break;
            }

            try
            {
                await LeadAsync(cancellationToken);
            }
            finally
            {
                _leaders.Release();
            }
        }
        while (!_queue.IsEmpty);

        return await work.Decided;
    }

    private async Task LeadAsync(CancellationToken cancellationToken)
    {
        var group = new List<InboxWork>(_maxSize);
        while (true)
        {
            while (group.Count < _maxSize && _queue.TryDequeue(out var next))
            {
                group.Add(next);
            }

            if (group.Count == 0)
            {
                return;
            }

            // A retried delivery failed before: it runs alone rather than fail a group again.
            foreach (var retried in group.Where(w => w.Alone))
            {
                await CommitAloneAsync(retried, cancellationToken);
            }

            group.RemoveAll(w => w.Alone);
            if (group.Count > 0)
            {
                metrics.Group(group.Count);
            }

            switch (group.Count)
            {
                case 0:
                    break;
                case 1:
                    await CommitAloneAsync(group[0], cancellationToken); // holding the slot, so the next arrivals form a group
                    break;
                default:
                    await CommitGroupAsync(group, cancellationToken);
                    break;
            }

            group.Clear();
        }
    }

    /// <summary>A group of one: alone, the claim rides the first query, one round trip fewer than a group's.</summary>
    private async Task CommitAloneAsync(InboxWork work, CancellationToken cancellationToken)
    {
        var leader = Activity.Current;
        Activity.Current = work.Activity;
        try
        {
            work.Decide(await work.RunAloneAsync(dataSource, logger, cancellationToken));
        }
        catch (Exception ex)
        {
            work.Fail(ex);
        }
        finally
        {
            Activity.Current = leader;
        }
    }

    private async Task CommitGroupAsync(List<InboxWork> group, CancellationToken cancellationToken)
    {
        InboxOutcome[] outcomes;
        try
        {
            outcomes = await CommitTogetherAsync(group, cancellationToken);
        }
        catch (Exception ex)
        {
            metrics.GroupFailed();
            logger.LogDebug(ex, "A group of {Count} deliveries failed; each runs alone.", group.Count);
            // Each delivery again, alone and one after another, here in the leader's slot: the failure stays its own
            // delivery's, and a failing group never has all its consumers open connections at once.
            foreach (var work in group)
            {
                await CommitAloneAsync(work, cancellationToken);
            }

            return;
        }

        for (var i = 0; i < group.Count; i++)
        {
            group[i].Decide(outcomes[i]);
        }
    }

    private async Task<InboxOutcome[]> CommitTogetherAsync(List<InboxWork> group, CancellationToken cancellationToken)
    {
        var outcomes = new InboxOutcome[group.Count];
        var handled = new List<IInboxWrites>(group.Count);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var claimed = await ClaimAsync(connection, transaction, group, cancellationToken);

        // One handler after another on the shared transaction: each meets the database as the ones before it left it.
        var shared = new GroupTransaction(connection, transaction);
        var leader = Activity.Current;
        try
        {
            for (var i = 0; i < group.Count; i++)
            {
                if (!claimed[i])
                {
                    outcomes[i] = InboxOutcome.Duplicate;
                    continue;
                }

                Activity.Current = group[i].Activity; // the message's own trace: its outbox rows continue it
                var writes = await group[i].HandleAsync(connection, transaction, shared, cancellationToken);
                shared.Finished(writes);
                handled.Add(writes);
                outcomes[i] = writes.Published ? InboxOutcome.Published : InboxOutcome.Handled;
            }
        }
        finally
        {
            Activity.Current = leader;
        }

        await shared.FlushAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        foreach (var writes in handled)
        {
            writes.Committed(logger);
        }

        return outcomes;
    }

    /// <summary>Claims the group in one statement; a message delivered twice within the group is claimed once.</summary>
    private static async Task<bool[]> ClaimAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, List<InboxWork> group, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO messaging.inbox (consumer, message_id)
            SELECT * FROM unnest($1::text[], $2::uuid[])
            ON CONFLICT DO NOTHING
            RETURNING consumer, message_id
            """, connection, transaction);
        command.Bind(group.Select(w => w.Consumer).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text)
            .Bind(group.Select(w => w.MessageId).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Uuid);
        var fresh = new HashSet<(string, Guid)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            var consumer = reader.GetOrdinal("consumer");
            var messageId = reader.GetOrdinal("message_id");
            while (await reader.ReadAsync(cancellationToken))
            {
                fresh.Add((reader.GetString(consumer), reader.GetGuid(messageId)));
            }
        }

        var claimed = new bool[group.Count];
        for (var i = 0; i < group.Count; i++)
        {
            claimed[i] = fresh.Remove((group[i].Consumer, group[i].MessageId));
        }

        return claimed;
    }
}
