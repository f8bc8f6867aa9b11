using Npgsql;

namespace Payments.Operations.Console.Tests.Infrastructure;

/// <summary>A service's operator audit (operations.audit in its own database), read directly: what an action must leave behind.</summary>
public sealed class AuditLog(string connectionString)
{
    public sealed record Entry(string Subject, string Action, string Target, int StatusCode);

    /// <summary>Every entry whose target contains the text, oldest first.</summary>
    public async Task<List<Entry>> MentioningAsync(string text)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT subject, action, target, status_code FROM operations.audit WHERE strpos(target, $1) > 0 ORDER BY id", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = text });
        await using var reader = await command.ExecuteReaderAsync();
        var entries = new List<Entry>();
        while (await reader.ReadAsync())
        {
            entries.Add(new Entry(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3)));
        }

        return entries;
    }
}
