using Npgsql;

namespace Payments.Messaging.Postgres;

/// <summary>
/// Reads a row's columns by name, so a column added to a SELECT shifts no read after it: <c>reader.Get&lt;Guid&gt;("id")</c>,
/// <c>reader.GetOrNull&lt;string&gt;("last_error")</c>; a nullable value type reads as <c>reader.Get&lt;Guid?&gt;("order_id")</c>
/// (Npgsql returns null for DBNull there).
/// </summary>
/// <remarks>
/// A name is one lookup in Npgsql's index of the result set's columns (<see cref="NpgsqlDataReader.GetOrdinal"/>):
/// no allocation when it is spelled as PostgreSQL returns it (lower case; otherwise Npgsql falls back to a
/// case-insensitive search). Where a reader loops over many rows, look each ordinal up once before the loop and read
/// with it (<see cref="GetOrNull{T}(NpgsqlDataReader, int)"/> for a nullable reference).
/// </remarks>
public static class SqlRows
{
    public static T Get<T>(this NpgsqlDataReader reader, string column) => reader.GetFieldValue<T>(reader.GetOrdinal(column));

    /// <summary>A nullable reference-type column (text, bytea): Npgsql throws on DBNull for those.</summary>
    public static T? GetOrNull<T>(this NpgsqlDataReader reader, string column) where T : class =>
        reader.GetOrNull<T>(reader.GetOrdinal(column));

    public static T? GetOrNull<T>(this NpgsqlDataReader reader, int ordinal) where T : class =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<T>(ordinal);
}
