using Microsoft.Extensions.Options;
using Npgsql;
using Payments.Messaging.Postgres;

namespace Payments.Notifications.Ledger;

/// <summary>
/// Deletes notifications past their state's retention, in small chunks so it never holds long locks. Every row keeps
/// the recipient's address and the email's text, personal data, so every state has an end:
/// sent rows Notifications:Retention after the (last) send, parked rows Notifications:ParkedRetention after parking
/// (the time an operator has to re-send), pending rows Notifications:PendingRetention after they were recorded or
/// re-sent (an email that late is no longer worth sending).
/// </summary>
internal sealed class NotificationsCleanup(NpgsqlDataSource dataSource, DatabaseReadiness readiness, IOptions<NotificationsOptions> options) : PeriodicDatabaseJob(readiness)
{
    protected override TimeSpan Interval => options.Value.CleanupInterval;

    // created_at first in each filter: every retention counts from created_at or later, so the BRIN index skips the recent part.
    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var retention = options.Value;
        await DeleteInChunksAsync(dataSource,
            """
            DELETE FROM notifications.notifications WHERE ctid IN (
                SELECT ctid FROM notifications.notifications
                WHERE created_at < now() - $1 AND state = 'sent' AND sent_at < now() - $1
                LIMIT $2)
            """,
            retention.Retention, cancellationToken);
        await DeleteInChunksAsync(dataSource,
            """
            DELETE FROM notifications.notifications WHERE ctid IN (
                SELECT ctid FROM notifications.notifications
                WHERE created_at < now() - $1 AND state = 'parked' AND parked_at < now() - $1
                LIMIT $2)
            """,
            retention.ParkedRetention, cancellationToken);
        await DeleteInChunksAsync(dataSource,
            """
            DELETE FROM notifications.notifications WHERE ctid IN (
                SELECT ctid FROM notifications.notifications
                WHERE created_at < now() - $1 AND state = 'pending' AND coalesce(resent_at, created_at) < now() - $1
                LIMIT $2)
            """,
            retention.PendingRetention, cancellationToken);
    }
}
