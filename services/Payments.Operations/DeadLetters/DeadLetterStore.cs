using System.Text;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace Payments.Operations.DeadLetters;

/// <summary>deadletters.messages: insert (deduplicated), list, read, and the state changes of replay and discard.</summary>
public sealed class DeadLetterStore(NpgsqlDataSource dataSource)
{
    private const string SummaryColumns = "id, queue, message_type, reason, exception_type, failed_at, order_id, payment_id, message_id, state";

    /// <summary>Stores the message unless this very failure is already stored; true when a row was added.</summary>
    public async Task<bool> InsertAsync(CapturedDeadLetter letter, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO deadletters.messages (queue, dedup_key, message_id, message_type, content_type, headers, properties, body,
                reason, fault_message, exception_type, input_address, failed_at, order_id, payment_id)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
            ON CONFLICT (queue, dedup_key) DO NOTHING
            """);
        var p = command.Parameters;
        p.Add(new NpgsqlParameter<string> { TypedValue = letter.Queue });
        p.Add(new NpgsqlParameter<string> { TypedValue = letter.DedupKey });
        p.Add(Text(letter.MessageId));
        p.Add(Text(letter.MessageType));
        p.Add(Text(letter.ContentType));
        p.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = JsonSerializer.Serialize(letter.Headers) });
        p.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = JsonSerializer.Serialize(letter.Properties) });
        p.Add(new NpgsqlParameter<byte[]> { TypedValue = letter.Body.ToArray() });
        p.Add(Text(letter.Reason));
        p.Add(Text(letter.FaultMessage));
        p.Add(Text(letter.ExceptionType));
        p.Add(Text(letter.InputAddress));
        p.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = (object?)letter.FailedAt?.UtcDateTime ?? DBNull.Value });
        p.Add(Text(letter.OrderId));
        p.Add(Text(letter.PaymentId));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<DeadLetterPage> ListAsync(DeadLetterFilter filter, int page, int pageSize, CancellationToken cancellationToken)
    {
        var (where, parameters) = Where(filter, onlyDead: false);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection);
        var count = new NpgsqlBatchCommand($"SELECT count(*) FROM deadletters.messages {where}");
        var rows = new NpgsqlBatchCommand(
            $"SELECT {SummaryColumns} FROM deadletters.messages {where} ORDER BY failed_at DESC NULLS LAST, id DESC LIMIT {pageSize} OFFSET {(long)(page - 1) * pageSize}");
        foreach (var parameter in parameters)
        {
            count.Parameters.Add(parameter.Clone());
            rows.Parameters.Add(parameter.Clone());
        }

        batch.BatchCommands.Add(count);
        batch.BatchCommands.Add(rows);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var total = reader.GetInt64(0);
        await reader.NextResultAsync(cancellationToken);
        var items = new List<DeadLetterSummary>();
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(new DeadLetterSummary(reader.GetInt64(0), reader.GetString(1), Nullable(reader, 2), Nullable(reader, 3), Nullable(reader, 4),
                reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5), Nullable(reader, 6), Nullable(reader, 7), Nullable(reader, 8),
                reader.GetString(9)));
        }

        return new DeadLetterPage(items, total, page, pageSize);
    }

    public async Task<DeadLetterDetail?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT id, queue, message_type, reason, fault_message, exception_type, input_address, failed_at, order_id, payment_id, message_id,
                   content_type, state, received_at, replayed_at, replay_count, discarded_at, discarded_by, discard_reason, headers::text, body
            FROM deadletters.messages WHERE id = $1
            """);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = id });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var body = reader.GetFieldValue<byte[]>(20);
        JsonElement? json = null;
        string? text = null;
        try
        {
            json = JsonSerializer.Deserialize<JsonElement>(body);
        }
        catch (JsonException)
        {
            text = Encoding.UTF8.GetString(body);
        }

        return new DeadLetterDetail(reader.GetInt64(0), reader.GetString(1), Nullable(reader, 2), Nullable(reader, 3), Nullable(reader, 4),
            Nullable(reader, 5), Nullable(reader, 6), reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7), Nullable(reader, 8),
            Nullable(reader, 9), Nullable(reader, 10), Nullable(reader, 11), reader.GetString(12), reader.GetFieldValue<DateTimeOffset>(13),
            reader.IsDBNull(14) ? null : reader.GetFieldValue<DateTimeOffset>(14), reader.GetInt32(15),
            reader.IsDBNull(16) ? null : reader.GetFieldValue<DateTimeOffset>(16), Nullable(reader, 17), Nullable(reader, 18),
            JsonSerializer.Deserialize<Dictionary<string, string?>>(reader.GetString(19)) ?? [], json, text);
    }

    /// <summary>The named rows that are not discarded, for a replay (a replayed one may go again: the consumer's inbox absorbs it).</summary>
    public Task<List<StoredDeadLetter>> ForReplayAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken) =>
        ReadForReplayAsync("WHERE id = ANY($1) AND state <> 'discarded' ORDER BY id",
            [new NpgsqlParameter<long[]> { TypedValue = [.. ids] }], cancellationToken);

    /// <summary>The next rows still dead that match, after <paramref name="afterId"/>, oldest first (a bulk replay pages on id).</summary>
    public Task<List<StoredDeadLetter>> NextForReplayAsync(DeadLetterFilter filter, long afterId, int limit, CancellationToken cancellationToken)
    {
        var (where, parameters) = Where(filter, onlyDead: true);
        parameters.Add(new NpgsqlParameter<long> { TypedValue = afterId });
        return ReadForReplayAsync($"{where} AND id > ${parameters.Count} ORDER BY id LIMIT {limit}", parameters, cancellationToken);
    }

    public async Task MarkReplayedAsync(long id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE deadletters.messages SET state = 'replayed', replayed_at = $2, replay_count = replay_count + 1 WHERE id = $1 AND state <> 'discarded'");
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = id });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = at });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Discards the named rows still dead; returns how many.</summary>
    public async Task<int> DiscardAsync(IReadOnlyList<long> ids, string reason, string by, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE deadletters.messages SET state = 'discarded', discarded_at = $2, discarded_by = $3, discard_reason = $4
            WHERE id = ANY($1) AND state = 'dead'
            """);
        command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. ids] });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = at });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = by });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = reason });
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Rows per state (for "now").</summary>
    public async Task<Dictionary<string, long>> CountsByStateAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT state, count(*) FROM deadletters.messages GROUP BY state");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var counts = new Dictionary<string, long> { [DeadLetterState.Dead] = 0, [DeadLetterState.Replayed] = 0, [DeadLetterState.Discarded] = 0 };
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }

        return counts;
    }

    private async Task<List<StoredDeadLetter>> ReadForReplayAsync(string tail, List<NpgsqlParameter> parameters, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT id, queue, message_id, headers::text, properties::text, body FROM deadletters.messages {tail}");
        command.Parameters.AddRange(parameters.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var letters = new List<StoredDeadLetter>();
        while (await reader.ReadAsync(cancellationToken))
        {
            letters.Add(new StoredDeadLetter(reader.GetInt64(0), reader.GetString(1), Nullable(reader, 2),
                JsonSerializer.Deserialize<Dictionary<string, string?>>(reader.GetString(3)) ?? [],
                JsonSerializer.Deserialize<Dictionary<string, string?>>(reader.GetString(4)) ?? [], reader.GetFieldValue<byte[]>(5)));
        }

        return letters;
    }

    private static (string Where, List<NpgsqlParameter> Parameters) Where(DeadLetterFilter filter, bool onlyDead)
    {
        var clauses = new List<string>();
        var parameters = new List<NpgsqlParameter>();
        void Add(string clause, NpgsqlParameter parameter)
        {
            parameters.Add(parameter);
            clauses.Add(clause.Replace("@", "$" + parameters.Count, StringComparison.Ordinal));
        }

        if (onlyDead)
        {
            clauses.Add("state = 'dead'");
        }

        if (!string.IsNullOrWhiteSpace(filter.Queue))
        {
            Add("queue = @", new NpgsqlParameter<string> { TypedValue = filter.Queue });
        }

        if (!string.IsNullOrWhiteSpace(filter.MessageType))
        {
            Add("message_type = @", new NpgsqlParameter<string> { TypedValue = filter.MessageType });
        }

        if (!string.IsNullOrWhiteSpace(filter.Reason))
        {
            var pattern = "%" + filter.Reason.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
                .Replace("_", "\\_", StringComparison.Ordinal) + "%";
            Add("(reason ILIKE @ OR fault_message ILIKE @ OR exception_type ILIKE @)", new NpgsqlParameter<string> { TypedValue = pattern });
        }

        if (!string.IsNullOrWhiteSpace(filter.OrderId))
        {
            Add("order_id = @", new NpgsqlParameter<string> { TypedValue = filter.OrderId });
        }

        if (filter.From is { } from)
        {
            Add("failed_at >= @", new NpgsqlParameter<DateTimeOffset> { TypedValue = from });
        }

        if (filter.To is { } to)
        {
            Add("failed_at < @", new NpgsqlParameter<DateTimeOffset> { TypedValue = to });
        }

        return (clauses.Count == 0 ? "WHERE true" : "WHERE " + string.Join(" AND ", clauses), parameters);
    }

    private static NpgsqlParameter Text(string? value) => new() { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)value ?? DBNull.Value };

    private static string? Nullable(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
