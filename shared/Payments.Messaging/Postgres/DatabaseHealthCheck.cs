using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Payments.Messaging.Postgres;

/// <summary>Ready when the schema is migrated and the database answers now.</summary>
internal sealed class DatabaseHealthCheck(NpgsqlDataSource dataSource, DatabaseReadiness readiness) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!readiness.IsMigrated)
        {
            return HealthCheckResult.Unhealthy("Database schema not migrated yet (database unreachable?).");
        }

        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            await using var command = dataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(timeout.Token);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is NpgsqlException or OperationCanceledException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy($"Database unreachable: {ex.GetType().Name}.");
        }
    }
}
