using Microsoft.Extensions.Options;
using Npgsql;
using Payments.Messaging.Postgres;

namespace Payments.Messaging.Inbox;

/// <summary>Forgets inbox rows older than the retention window, in small chunks so it never holds long locks.</summary>
internal sealed class InboxCleanup(NpgsqlDataSource dataSource, DatabaseReadiness readiness, IOptions<InboxOptions> options) : PeriodicDatabaseJob(readiness)
{
    public static async Task<int> DeleteExpiredAsync(NpgsqlDataSource dataSource, TimeSpan retention, CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            await using var command = dataSource.CreateCommand(
                """
                DELETE FROM messaging.inbox WHERE ctid IN (
                    SELECT ctid FROM messaging.inbox WHERE received_at < now() - $1 LIMIT 5000)
                """);
            command.Parameters.Add(new NpgsqlParameter<TimeSpan> { TypedValue = retention });
            var deleted = await command.ExecuteNonQueryAsync(cancellationToken);
            total += deleted;
            if (deleted < 5000)
            {
                return total;
            }
        }
    }

    protected override TimeSpan Interval => options.Value.CleanupInterval;

    protected override Task RunOnceAsync(CancellationToken cancellationToken) =>
        DeleteExpiredAsync(dataSource, options.Value.Retention, cancellationToken);
}
