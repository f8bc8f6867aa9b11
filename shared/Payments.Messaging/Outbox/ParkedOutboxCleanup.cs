using Microsoft.Extensions.Options;
using Npgsql;
using Payments.Messaging.Postgres;

namespace Payments.Messaging.Outbox;

/// <summary>
/// Deletes parked outbox rows older than Messaging:Outbox:ParkedRetention, in small chunks. A parked row holds the whole
/// message (a customer's address among it, for some types); an operator had the retention to inspect or re-queue it.
/// </summary>
internal sealed class ParkedOutboxCleanup(NpgsqlDataSource dataSource, DatabaseReadiness readiness, IOptions<OutboxOptions> options) : PeriodicDatabaseJob(readiness)
{
    protected override TimeSpan Interval => options.Value.CleanupInterval;

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => DeleteInChunksAsync(dataSource,
        "DELETE FROM messaging.outbox_parked WHERE ctid IN (SELECT ctid FROM messaging.outbox_parked WHERE parked_at < now() - $1 LIMIT $2)",
        options.Value.ParkedRetention, cancellationToken);
}
