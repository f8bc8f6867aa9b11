using System.Globalization;
using Npgsql;

namespace Payments.Testing.Postgres;

/// <summary>Reads one value from a test's database, the way a test asserts on rows.</summary>
public static class PostgresQueries
{
    /// <summary>The first column of the first row, converted to <typeparamref name="T"/>; default when there is none (or NULL).</summary>
    public static async Task<T?> ScalarAsync<T>(string connectionString, string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.AddWithValue(parameter);
        }

        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)Convert.ChangeType(value, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), CultureInfo.InvariantCulture);
    }
}
