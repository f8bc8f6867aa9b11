using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Payments.Messaging.Postgres;

/// <summary>
/// Ready only once our schema is migrated. AspNetCore.HealthChecks.NpgSql proves the database answers now; it cannot
/// know whether the tables the inbox, outbox and consumers need exist yet, which only our migration knows.
/// </summary>
internal sealed class SchemaHealthCheck(DatabaseReadiness readiness) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(readiness.IsMigrated
            ? HealthCheckResult.Healthy("Database schema migrated.")
            : HealthCheckResult.Unhealthy("Database schema not migrated yet (database unreachable?)."));
}
