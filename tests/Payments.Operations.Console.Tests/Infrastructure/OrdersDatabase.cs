using Npgsql;

namespace Payments.Operations.Console.Tests.Infrastructure;

/// <summary>Orders' own database, seeded and read directly: the effect a replay from the console must have.</summary>
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
