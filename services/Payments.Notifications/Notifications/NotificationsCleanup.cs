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
    protected override TimeSpan Interval => options.Value.CleanupInterval;

    // A re-sent row counts from its last send; created_at lets the BRIN index skip the recent part of the table.
    protected override Task RunOnceAsync(CancellationToken cancellationToken) => DeleteInChunksAsync(dataSource,
        """
        DELETE FROM notifications.notifications WHERE ctid IN (
            SELECT ctid FROM notifications.notifications
            WHERE created_at < now() - $1 AND state = 'sent' AND sent_at < now() - $1
            LIMIT $2)
        """,
        options.Value.Retention, cancellationToken);
}
