using Npgsql;
using Payments.Messaging.Postgres;

namespace Payments.Notifications.Ledger;

/// <summary>
/// The columns a <see cref="NotificationResponse"/> is read from, and their ordinals in one result set: looked up by
/// name once, before its rows are read (a parked list is up to a thousand of them).
/// </summary>
internal readonly struct NotificationColumns(NpgsqlDataReader result)
{
    public const string Names =
        "id, order_id, kind, state, attempts, message_id, created_at, next_attempt_at, sent_at, parked_at, resent_at, last_error, traceparent";

    private readonly int _id = result.GetOrdinal("id");
    private readonly int _orderId = result.GetOrdinal("order_id");
    private readonly int _kind = result.GetOrdinal("kind");
    private readonly int _state = result.GetOrdinal("state");
    private readonly int _attempts = result.GetOrdinal("attempts");
    private readonly int _messageId = result.GetOrdinal("message_id");
    private readonly int _createdAt = result.GetOrdinal("created_at");
    private readonly int _nextAttemptAt = result.GetOrdinal("next_attempt_at");
    private readonly int _sentAt = result.GetOrdinal("sent_at");
    private readonly int _parkedAt = result.GetOrdinal("parked_at");
    private readonly int _resentAt = result.GetOrdinal("resent_at");
    private readonly int _lastError = result.GetOrdinal("last_error");
    private readonly int _traceparent = result.GetOrdinal("traceparent");

    public NotificationResponse Read(NpgsqlDataReader row) => new(
        row.GetGuid(_id), row.GetGuid(_orderId), row.GetString(_kind), row.GetString(_state), row.GetInt32(_attempts), row.GetString(_messageId),
        row.GetFieldValue<DateTimeOffset>(_createdAt),
        row.GetString(_state) == NotificationState.Pending ? row.GetFieldValue<DateTimeOffset>(_nextAttemptAt) : null,
        row.GetFieldValue<DateTimeOffset?>(_sentAt), row.GetFieldValue<DateTimeOffset?>(_parkedAt), row.GetFieldValue<DateTimeOffset?>(_resentAt),
        row.GetOrNull<string>(_lastError), TraceId(row.GetOrNull<string>(_traceparent)));

    // The trace-id field of a W3C traceparent, version-format "00-{trace-id}-{parent-id}-{flags}" (https://www.w3.org/TR/trace-context/#traceparent-header).
    private static string? TraceId(string? traceparent) =>
        traceparent?.Split('-') is [_, { Length: 32 } traceId, _, _] ? traceId : null;
}
