using Npgsql;
using Payments.ServiceDefaults.Security;

namespace Payments.Messaging.Operations;

/// <summary>The operator audit in the service's own database (operations.audit).</summary>
public sealed class OperatorAudit(NpgsqlDataSource dataSource) : IOperatorAudit
{
    public async Task RecordAsync(OperatorAction action, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "INSERT INTO operations.audit (at, subject, name, action, target, status_code) VALUES ($1, $2, $3, $4, $5, $6)");
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = action.At });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = action.Subject });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)action.Name ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = action.Action });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = action.Target });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = action.StatusCode });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The newest entries first.</summary>
    public async Task<List<AuditEntry>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT id, at, subject, name, action, target, status_code FROM operations.audit ORDER BY id DESC LIMIT $1");
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<AuditEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new AuditEntry(reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetInt32(6)));
        }

        return entries;
    }
}
