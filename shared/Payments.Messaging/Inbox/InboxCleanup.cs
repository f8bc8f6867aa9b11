using Microsoft.Extensions.Options;
using Npgsql;
using Payments.Messaging.Postgres;

namespace Payments.Messaging.Inbox;

/// <summary>Forgets inbox rows older than the retention window, in small chunks so it never holds long locks.</summary>
internal sealed class InboxCleanup(NpgsqlDataSource dataSource, DatabaseReadiness readiness, IOptions<InboxOptions> options) : PeriodicDatabaseJob(readiness)
{
    protected override TimeSpan Interval => options.Value.CleanupInterval;

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => DeleteInChunksAsync(dataSource,
        "DELETE FROM messaging.inbox WHERE ctid IN (SELECT ctid FROM messaging.inbox WHERE received_at < now() - $1 LIMIT $2)",
        options.Value.Retention, cancellationToken);
}
