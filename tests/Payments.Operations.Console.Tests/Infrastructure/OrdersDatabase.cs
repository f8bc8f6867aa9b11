using Npgsql;

namespace Payments.Operations.Console.Tests.Infrastructure;

/// <summary>Orders' own database, seeded and read directly: the effect a replay or a requeue from the console or CLI must have.</summary>
public sealed class OrdersDatabase(string connectionString)
{
    public string ConnectionString => connectionString;

    /// <summary>An order awaiting a 42.00 EUR Stripe payment, as Orders would have created it.</summary>
    public Task CreateOrderAsync(Guid orderId, string paymentId) => ExecuteAsync(
        "INSERT INTO orders.orders (id, amount_minor, currency, customer_email, provider, payment_id) VALUES ($1, 4200, 'EUR', 'buyer@example.com', 'stripe', $2)",
        orderId, paymentId);

    public async Task<string?> StatusAsync(Guid orderId) =>
        await ScalarAsync("SELECT status FROM orders.orders WHERE id = $1", orderId) as string;

    public async Task<long> EventCountAsync(Guid orderId) =>
        (long)(await ScalarAsync("SELECT count(*) FROM orders.payment_events WHERE order_id = $1", orderId))!;

    /// <summary>
    /// An outbox row Orders' relay gave up on, as the relay parks it (messaging.outbox_parked): the message, where it
    /// was going and the last error.
    /// </summary>
    public Task ParkAsync(Guid id, string messageType, string destination, string body) => ExecuteAsync(
        """
        INSERT INTO messaging.outbox_parked (id, message_type, destination, body, headers, mandatory, created_at, attempts, last_error)
        VALUES ($1, $2, $3, $4::json, '{}', false, now(), 10, 'The broker did not confirm the message in time.')
        """,
        id, messageType, destination, body);

    public async Task<bool> IsParkedAsync(Guid id) =>
        (long)(await ScalarAsync("SELECT count(*) FROM messaging.outbox_parked WHERE id = $1", id))! > 0;

    /// <summary>Orders' own audit: the owning service records the requeue it was asked for.</summary>
    public AuditLog Audit => new(connectionString);

    private async Task ExecuteAsync(string sql, params object[] parameters)
    {
        await using var command = await CommandAsync(sql, parameters);
        await command.ExecuteNonQueryAsync();
        await command.Connection!.DisposeAsync();
    }

    private async Task<object?> ScalarAsync(string sql, params object[] parameters)
    {
        await using var command = await CommandAsync(sql, parameters);
        var value = await command.ExecuteScalarAsync();
        await command.Connection!.DisposeAsync();
        return value is DBNull ? null : value;
    }

    private async Task<NpgsqlCommand> CommandAsync(string sql, object[] parameters)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return command;
    }
}
