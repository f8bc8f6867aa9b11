using Npgsql;
using Payments.Messaging.Postgres;

namespace Payments.Messaging.Outbox;

/// <summary>The relay's SQL: claim a batch, then settle it (delete, back off, park) in one round trip.</summary>
internal static class OutboxStore
{
    public static async Task<List<OutboxRow>> ClaimAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, int batchSize, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT id, message_type, destination, body::text AS body, headers::text AS headers, mandatory, attempts, created_at
            FROM messaging.outbox
            WHERE available_at <= now()
            ORDER BY available_at
            LIMIT $1
            FOR UPDATE SKIP LOCKED
            """, connection, transaction).Bind(batchSize);
        var rows = new List<OutboxRow>(batchSize);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        // The ordinals once per batch, not per row.
        int id = reader.GetOrdinal("id"), type = reader.GetOrdinal("message_type"), destination = reader.GetOrdinal("destination"),
            body = reader.GetOrdinal("body"), headers = reader.GetOrdinal("headers"), mandatory = reader.GetOrdinal("mandatory"),
            attempts = reader.GetOrdinal("attempts"), createdAt = reader.GetOrdinal("created_at");
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new OutboxRow(reader.GetGuid(id), reader.GetString(type), reader.GetString(destination),
                System.Text.Encoding.UTF8.GetBytes(reader.GetString(body)), reader.GetString(headers), reader.GetBoolean(mandatory),
                reader.GetInt32(attempts), reader.GetDateTime(createdAt)));
        }

        return rows;
    }

    public static async Task SettleAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        IReadOnlyList<Guid> published,
        IReadOnlyList<(Guid Id, TimeSpan Delay, string Error)> retry,
        IReadOnlyList<(Guid Id, string Error)> park,
        CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        if (published.Count > 0)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand("DELETE FROM messaging.outbox WHERE id = ANY($1)").Bind<Guid[]>([.. published]));
        }

        if (retry.Count > 0)
        {
            var backoff = new NpgsqlBatchCommand(
                """
                UPDATE messaging.outbox o
                SET attempts = o.attempts + 1, available_at = now() + make_interval(secs => f.delay), last_error = f.error
                FROM unnest($1::uuid[], $2::float8[], $3::text[]) AS f(id, delay, error)
                WHERE o.id = f.id
                """);
            backoff.Bind<Guid[]>([.. retry.Select(r => r.Id)]).Bind<double[]>([.. retry.Select(r => r.Delay.TotalSeconds)])
                .Bind<string[]>([.. retry.Select(r => r.Error)]);
            batch.BatchCommands.Add(backoff);
        }

        if (park.Count > 0)
        {
            var move = new NpgsqlBatchCommand(
                """
                WITH f AS (SELECT * FROM unnest($1::uuid[], $2::text[]) AS f(id, error)),
                moved AS (DELETE FROM messaging.outbox o USING f WHERE o.id = f.id RETURNING o.*, f.error AS reason)
                INSERT INTO messaging.outbox_parked (id, message_type, destination, body, headers, mandatory, created_at, attempts, last_error)
                SELECT id, message_type, destination, body, headers, mandatory, created_at, attempts + 1, reason FROM moved
                """);
            move.Bind<Guid[]>([.. park.Select(p => p.Id)]).Bind<string[]>([.. park.Select(p => p.Error)]);
            batch.BatchCommands.Add(move);
        }

        if (batch.BatchCommands.Count > 0)
        {
            // The relay's commit need not wait for its WAL flush: what it records happened already (the broker confirmed
            // the publishes), and losing the commit in a database crash only publishes those rows again, which consumers
            // deduplicate. At ordinary rates a batch is one row, so this saves a flush per message (decision 0028).
            batch.BatchCommands.Insert(0, new NpgsqlBatchCommand("SET LOCAL synchronous_commit = off"));
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
