using Microsoft.Extensions.Logging;
using Npgsql;

namespace Payments.Messaging.Schema;

/// <summary>
/// Applies the scripts a database has not seen yet, each in its own transaction, recorded in public.schema_migrations.
/// A transaction-scoped advisory lock serializes instances starting together; scripts are idempotent as well, so a
/// second run, or a run racing another, changes nothing.
/// </summary>
public sealed partial class SchemaMigrator(NpgsqlDataSource dataSource, IEnumerable<SchemaScripts> sources, ILogger<SchemaMigrator> logger)
{
    private const long LockKey = 0x5041_594D_454E_5453; // "PAYMENTS"

    public async Task<int> MigrateAsync(CancellationToken cancellationToken)
    {
        var applied = 0;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var create = new NpgsqlCommand(
            "CREATE TABLE IF NOT EXISTS public.schema_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())", connection))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var script in sources.SelectMany(s => s.Scripts))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using (var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1)", connection, transaction))
            {
                command.Parameters.AddWithValue(LockKey);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            await using (var seen = new NpgsqlCommand("SELECT 1 FROM public.schema_migrations WHERE id = $1", connection, transaction))
            {
                seen.Parameters.AddWithValue(script.Id);
                if (await seen.ExecuteScalarAsync(cancellationToken) is not null)
                {
                    continue;
                }
            }

            await using (var run = new NpgsqlCommand(script.Sql, connection, transaction))
            {
                await run.ExecuteNonQueryAsync(cancellationToken);
            }

            await using (var record = new NpgsqlCommand("INSERT INTO public.schema_migrations (id) VALUES ($1)", connection, transaction))
            {
                record.Parameters.AddWithValue(script.Id);
                await record.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            LogApplied(script.Id);
            applied++;
        }

        return applied;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied schema script {Script}")]
    private partial void LogApplied(string script);
}
