using Npgsql;
using NpgsqlTypes;

namespace Payments.Messaging.Postgres;

/// <summary>
/// Positional parameters ($1, $2, ...) in the order they are bound, one call each:
/// <c>command.Bind(orderId).Bind&lt;long&gt;(amountMinor)</c>.
/// </summary>
/// <remarks>
/// Underneath is always Npgsql's generic <see cref="NpgsqlParameter{T}"/>: the value is written without boxing, and
/// the PostgreSQL type comes from <c>T</c> (or the <see cref="NpgsqlDbType"/> given), never from the value at run
/// time, which a null does not have. So <c>T</c> is the parameter's type: write it out wherever the expression's own
/// type could differ from the one meant (a bigint bound from an int expression stays <c>Bind&lt;long&gt;(...)</c>,
/// inferred it would become an integer), and for a collection expression, which has no type of its own.
/// </remarks>
public static class SqlParameters
{
    public static NpgsqlBatchCommand Bind<T>(this NpgsqlBatchCommand command, T value)
    {
        command.Parameters.Add(Typed(value));
        return command;
    }

    /// <param name="type">For a value whose CLR type does not say the PostgreSQL type: a null uuid, json, jsonb, a text[] of nulls.</param>
    public static NpgsqlBatchCommand Bind<T>(this NpgsqlBatchCommand command, T value, NpgsqlDbType type)
    {
        command.Parameters.Add(Typed(value, type));
        return command;
    }

    public static NpgsqlCommand Bind<T>(this NpgsqlCommand command, T value)
    {
        command.Parameters.Add(Typed(value));
        return command;
    }

    /// <param name="type">For a value whose CLR type does not say the PostgreSQL type: a null uuid, json, jsonb, a text[] of nulls.</param>
    public static NpgsqlCommand Bind<T>(this NpgsqlCommand command, T value, NpgsqlDbType type)
    {
        command.Parameters.Add(Typed(value, type));
        return command;
    }

    /// <summary>A parameter object, where one is handed around before it reaches a command (a filter's clauses).</summary>
    public static NpgsqlParameter<T> Typed<T>(T value) => new() { TypedValue = value };

    public static NpgsqlParameter<T> Typed<T>(T value, NpgsqlDbType type) => new() { TypedValue = value, NpgsqlDbType = type };
}
