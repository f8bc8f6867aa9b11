using System.Text;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Payments.Messaging.Postgres;

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
            """)
            .Bind(letter.Queue)
            .Bind(letter.DedupKey)
            .Bind(letter.MessageId)
            .Bind(letter.MessageType)
            .Bind(letter.ContentType)
            .Bind(JsonSerializer.Serialize(letter.Headers), NpgsqlDbType.Jsonb)
            .Bind(JsonSerializer.Serialize(letter.Properties), NpgsqlDbType.Jsonb)
            .Bind(letter.Body.ToArray())
            .Bind(letter.Reason)
            .Bind(letter.FaultMessage)
            .Bind(letter.ExceptionType)
            .Bind(letter.InputAddress)
            .Bind(letter.FailedAt?.UtcDateTime, NpgsqlDbType.TimestampTz)
            .Bind(letter.OrderId)
            .Bind(letter.PaymentId);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<DeadLetterPage> ListAsync(DeadLetterFilter filter, int page, int pageSize, CancellationToken cancellationToken)
    {
        var (where, parameters) = Where(filter, onlyDead: false);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection);
        var count = new NpgsqlBatchCommand($"SELECT count(*) AS total FROM deadletters.messages {where}");
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
        var total = reader.Get<long>("total");
        await reader.NextResultAsync(cancellationToken);
        int id = reader.GetOrdinal("id"), queue = reader.GetOrdinal("queue"), messageType = reader.GetOrdinal("message_type"),
            reason = reader.GetOrdinal("reason"), exceptionType = reader.GetOrdinal("exception_type"), failedAt = reader.GetOrdinal("failed_at"),
            orderId = reader.GetOrdinal("order_id"), paymentId = reader.GetOrdinal("payment_id"), messageId = reader.GetOrdinal("message_id"),
            state = reader.GetOrdinal("state");
        var items = new List<DeadLetterSummary>();
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(new DeadLetterSummary(reader.GetInt64(id), reader.GetString(queue), reader.GetOrNull<string>(messageType),
                reader.GetOrNull<string>(reason), reader.GetOrNull<string>(exceptionType), reader.GetFieldValue<DateTimeOffset?>(failedAt),
                reader.GetOrNull<string>(orderId), reader.GetOrNull<string>(paymentId), reader.GetOrNull<string>(messageId), reader.GetString(state)));
        }

        return new DeadLetterPage(items, total, page, pageSize);
    }

    public async Task<DeadLetterDetail?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT id, queue, message_type, reason, fault_message, exception_type, input_address, failed_at, order_id, payment_id, message_id,
                   content_type, state, received_at, replayed_at, replay_count, discarded_at, discarded_by, discard_reason, headers::text AS headers, body
            FROM deadletters.messages WHERE id = $1
            """).Bind(id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var body = reader.Get<byte[]>("body");
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

        return new DeadLetterDetail(reader.Get<long>("id"), reader.Get<string>("queue"), reader.GetOrNull<string>("message_type"),
            reader.GetOrNull<string>("reason"), reader.GetOrNull<string>("fault_message"), reader.GetOrNull<string>("exception_type"),
            reader.GetOrNull<string>("input_address"), reader.Get<DateTimeOffset?>("failed_at"), reader.GetOrNull<string>("order_id"),
            reader.GetOrNull<string>("payment_id"), reader.GetOrNull<string>("message_id"), reader.GetOrNull<string>("content_type"),
            reader.Get<string>("state"), reader.Get<DateTimeOffset>("received_at"), reader.Get<DateTimeOffset?>("replayed_at"),
            reader.Get<int>("replay_count"), reader.Get<DateTimeOffset?>("discarded_at"), reader.GetOrNull<string>("discarded_by"),
            reader.GetOrNull<string>("discard_reason"), JsonSerializer.Deserialize<Dictionary<string, string?>>(reader.Get<string>("headers")) ?? [],
            json, text);
    }

    /// <summary>The named rows that are not discarded, for a replay (a replayed one may go again: the consumer's inbox absorbs it).</summary>
    public Task<List<StoredDeadLetter>> ForReplayAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken) =>
        ReadForReplayAsync("WHERE id = ANY($1) AND state <> 'discarded' ORDER BY id",
            [SqlParameters.Typed<long[]>([.. ids])], cancellationToken);

    /// <summary>The next rows still dead that match, after <paramref name="afterId"/>, oldest first (a bulk replay pages on id).</summary>
    public Task<List<StoredDeadLetter>> NextForReplayAsync(DeadLetterFilter filter, long afterId, int limit, CancellationToken cancellationToken)
    {
        var (where, parameters) = Where(filter, onlyDead: true);
        parameters.Add(SqlParameters.Typed(afterId));
        return ReadForReplayAsync($"{where} AND id > ${parameters.Count} ORDER BY id LIMIT {limit}", parameters, cancellationToken);
    }

    public async Task MarkReplayedAsync(long id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE deadletters.messages SET state = 'replayed', replayed_at = $2, replay_count = replay_count + 1 WHERE id = $1 AND state <> 'discarded'")
            .Bind(id).Bind(at);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Discards the named rows still dead; returns how many.</summary>
    public async Task<int> DiscardAsync(IReadOnlyList<long> ids, string reason, string by, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE deadletters.messages SET state = 'discarded', discarded_at = $2, discarded_by = $3, discard_reason = $4
            WHERE id = ANY($1) AND state = 'dead'
            """).Bind<long[]>([.. ids]).Bind(at).Bind(by).Bind(reason);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Rows per state (for "now").</summary>
    public async Task<Dictionary<string, long>> CountsByStateAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT state, count(*) AS total FROM deadletters.messages GROUP BY state");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        int state = reader.GetOrdinal("state"), total = reader.GetOrdinal("total");
        var counts = new Dictionary<string, long> { [DeadLetterState.Dead] = 0, [DeadLetterState.Replayed] = 0, [DeadLetterState.Discarded] = 0 };
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[reader.GetString(state)] = reader.GetInt64(total);
        }

        return counts;
    }

    private async Task<List<StoredDeadLetter>> ReadForReplayAsync(string tail, List<NpgsqlParameter> parameters, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT id, queue, message_id, headers::text AS headers, properties::text AS properties, body FROM deadletters.messages {tail}");
        command.Parameters.AddRange(parameters.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        int id = reader.GetOrdinal("id"), queue = reader.GetOrdinal("queue"), messageId = reader.GetOrdinal("message_id"),
            headers = reader.GetOrdinal("headers"), properties = reader.GetOrdinal("properties"), body = reader.GetOrdinal("body");
        var letters = new List<StoredDeadLetter>();
        while (await reader.ReadAsync(cancellationToken))
        {
            letters.Add(new StoredDeadLetter(reader.GetInt64(id), reader.GetString(queue), reader.GetOrNull<string>(messageId),
                JsonSerializer.Deserialize<Dictionary<string, string?>>(reader.GetString(headers)) ?? [],
                JsonSerializer.Deserialize<Dictionary<string, string?>>(reader.GetString(properties)) ?? [], reader.GetFieldValue<byte[]>(body)));
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
            Add("queue = @", SqlParameters.Typed(filter.Queue));
        }

        if (!string.IsNullOrWhiteSpace(filter.MessageType))
        {
            Add("message_type = @", SqlParameters.Typed(filter.MessageType));
        }

        if (!string.IsNullOrWhiteSpace(filter.Reason))
        {
            var pattern = "%" + filter.Reason.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
                .Replace("_", "\\_", StringComparison.Ordinal) + "%";
            Add("(reason ILIKE @ OR fault_message ILIKE @ OR exception_type ILIKE @)", SqlParameters.Typed(pattern));
        }

        if (!string.IsNullOrWhiteSpace(filter.OrderId))
        {
            Add("order_id = @", SqlParameters.Typed(filter.OrderId));
        }

        if (filter.From is { } from)
        {
            Add("failed_at >= @", SqlParameters.Typed(from));
        }

        if (filter.To is { } to)
        {
            Add("failed_at < @", SqlParameters.Typed(to));
        }

        return (clauses.Count == 0 ? "WHERE true" : "WHERE " + string.Join(" AND ", clauses), parameters);
    }
}
