using Npgsql;
using Payments.Messaging.Postgres;
using Payments.ServiceDefaults.Security;

namespace Payments.Messaging.Operations;

/// <summary>The operator audit in the service's own database (operations.audit).</summary>
public sealed class OperatorAudit(NpgsqlDataSource dataSource) : IOperatorAudit
{
    public async Task RecordAsync(OperatorAction action, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
                "INSERT INTO operations.audit (at, subject, name, action, target, status_code) VALUES ($1, $2, $3, $4, $5, $6)")
            .Bind(action.At).Bind(action.Subject).Bind(action.Name).Bind(action.Action).Bind(action.Target).Bind(action.StatusCode);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The newest entries first.</summary>
    public async Task<List<AuditEntry>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT id, at, subject, name, action, target, status_code FROM operations.audit ORDER BY id DESC LIMIT $1").Bind(limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        int id = reader.GetOrdinal("id"), at = reader.GetOrdinal("at"), subject = reader.GetOrdinal("subject"), name = reader.GetOrdinal("name"),
            action = reader.GetOrdinal("action"), target = reader.GetOrdinal("target"), statusCode = reader.GetOrdinal("status_code");
        var entries = new List<AuditEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new AuditEntry(reader.GetInt64(id), reader.GetFieldValue<DateTimeOffset>(at), reader.GetString(subject),
                reader.GetOrNull<string>(name), reader.GetString(action), reader.GetString(target), reader.GetInt32(statusCode)));
        }

        return entries;
    }
}
