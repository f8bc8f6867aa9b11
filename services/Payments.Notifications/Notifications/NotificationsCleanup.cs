using Microsoft.Extensions.Options;
using Npgsql;
using Payments.Messaging.Postgres;

namespace Payments.Notifications.Notifications;

/// <summary>
/// Deletes sent notifications older than Notifications:Retention, in small chunks so it never holds long locks: a sent
/// row keeps the recipient's address and the email's text, personal data with no use once the email is long delivered.
/// Parked and pending rows stay whatever their age: they are work an operator or the sender still owes someone.
/// </summary>
internal sealed class NotificationsCleanup(NpgsqlDataSource dataSource, DatabaseReadiness readiness, IOptions<NotificationsOptions> options) : PeriodicDatabaseJob(readiness)
{
    private const int Chunk = 5000;

    public static async Task<int> DeleteExpiredAsync(NpgsqlDataSource dataSource, TimeSpan retention, CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            await using var command = dataSource.CreateCommand(
                """
                DELETE FROM notifications.notifications WHERE ctid IN (
                    SELECT ctid FROM notifications.notifications
                    WHERE created_at < now() - $1 AND state = 'sent' AND sent_at < now() - $1
                    LIMIT $2)
                """);
            command.Parameters.Add(new NpgsqlParameter<TimeSpan> { TypedValue = retention });
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = Chunk });
            var deleted = await command.ExecuteNonQueryAsync(cancellationToken);
            total += deleted;
            if (deleted < Chunk)
            {
                return total;
            }
        }
    }

    protected override TimeSpan Interval => options.Value.CleanupInterval;

    protected override Task RunOnceAsync(CancellationToken cancellationToken) =>
        DeleteExpiredAsync(dataSource, options.Value.Retention, cancellationToken);
}
