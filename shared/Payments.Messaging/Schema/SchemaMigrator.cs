using Microsoft.Extensions.Logging;
using Npgsql;
using Payments.Messaging.Postgres;

namespace Payments.Messaging.Schema;

/// <summary>
/// Applies the scripts a database has not seen yet, each in its own transaction, recorded in public.schema_migrations.
/// A session advisory lock serializes instances starting together (even CREATE TABLE IF NOT EXISTS races in
/// PostgreSQL); scripts are idempotent as well, so a second run, or a run racing another, changes nothing.
/// </summary>
public sealed partial class SchemaMigrator(NpgsqlDataSource dataSource, IEnumerable<SchemaScripts> sources, ILogger<SchemaMigrator> logger)
{
    private const long LockKey = 0x5041_594D_454E_5453; // "PAYMENTS"

    public async Task<int> MigrateAsync(CancellationToken cancellationToken)
    {
        var applied = 0;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await ExecuteAsync(new NpgsqlCommand("SELECT pg_advisory_lock($1)", connection).Bind(LockKey), cancellationToken);
        try
        {
            await ExecuteAsync(new NpgsqlCommand(
                "CREATE TABLE IF NOT EXISTS public.schema_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())", connection), cancellationToken);
            foreach (var script in sources.SelectMany(s => s.Scripts))
            {
                await using var seen = new NpgsqlCommand("SELECT 1 FROM public.schema_migrations WHERE id = $1", connection).Bind(script.Id);
                if (await seen.ExecuteScalarAsync(cancellationToken) is not null)
                {
                    continue;
                }

                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await ExecuteAsync(new NpgsqlCommand(script.Sql, connection, transaction), cancellationToken);
                await ExecuteAsync(new NpgsqlCommand("INSERT INTO public.schema_migrations (id) VALUES ($1)", connection, transaction).Bind(script.Id), cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                LogApplied(script.Id);
                applied++;
            }
        }
        finally
        {
            await ExecuteAsync(new NpgsqlCommand("SELECT pg_advisory_unlock($1)", connection).Bind(LockKey), CancellationToken.None);
        }

        return applied;
    }

    private static async Task ExecuteAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using (command)
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied schema script {Script}")]
    private partial void LogApplied(string script);
}
