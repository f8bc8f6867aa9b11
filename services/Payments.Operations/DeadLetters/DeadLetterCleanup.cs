using Microsoft.Extensions.Options;
using Npgsql;
using Payments.Messaging.Postgres;

namespace Payments.Operations.DeadLetters;

/// <summary>
/// Deletes dead letters past their state's retention, in small chunks so it never holds long locks. Every row keeps a
/// whole message, the customer's address included, so every state has an end: replayed rows
/// Operations:DeadLetters:Retention after the (last) replay, discarded rows the same after the discard, rows still dead
/// Operations:DeadLetters:DeadRetention after Operations read them. What it deletes is logged as counts only.
/// </summary>
internal sealed partial class DeadLetterCleanup(
    NpgsqlDataSource dataSource,
    DatabaseReadiness readiness,
    IOptions<DeadLetterOptions> options,
    ILogger<DeadLetterCleanup> logger) : PeriodicDatabaseJob(readiness)
{
    protected override TimeSpan Interval => options.Value.CleanupInterval;

    // Each filter matches one partial index of deadletters.002_retention.sql (state and its timestamp).
    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var retention = options.Value;
        var replayed = await DeleteInChunksAsync(dataSource,
            """
            DELETE FROM deadletters.messages WHERE id IN (
                SELECT id FROM deadletters.messages WHERE state = 'replayed' AND replayed_at < now() - $1 LIMIT $2)
            """,
            retention.Retention, cancellationToken);
        var discarded = await DeleteInChunksAsync(dataSource,
            """
            DELETE FROM deadletters.messages WHERE id IN (
                SELECT id FROM deadletters.messages WHERE state = 'discarded' AND discarded_at < now() - $1 LIMIT $2)
            """,
            retention.Retention, cancellationToken);
        var dead = await DeleteInChunksAsync(dataSource,
            """
            DELETE FROM deadletters.messages WHERE id IN (
                SELECT id FROM deadletters.messages WHERE state = 'dead' AND received_at < now() - $1 LIMIT $2)
            """,
            retention.DeadRetention, cancellationToken);
        if (dead > 0)
        {
            LogDeadDeleted(dead, retention.DeadRetention.TotalDays);
        }

        if (replayed + discarded > 0)
        {
            LogActedOnDeleted(replayed, discarded, retention.Retention.TotalDays);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Deleted {Count} dead letters nobody replayed or discarded within Operations:DeadLetters:DeadRetention ({Days} days)")]
    private partial void LogDeadDeleted(int count, double days);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Deleted {Replayed} replayed and {Discarded} discarded dead letters past Operations:DeadLetters:Retention ({Days} days)")]
    private partial void LogActedOnDeleted(int replayed, int discarded, double days);
}
