using Npgsql;

namespace Payments.Operations.Tests.Infrastructure;

/// <summary>Orders' own database, read and seeded directly: the effects a replay must have exactly once.</summary>
public sealed class OrdersDatabase(string connectionString)
{
    // Tests stop and start this server: a pooled connection from before would be broken after.
    private readonly string _unpooled = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;

    public string ConnectionString => connectionString;

    /// <summary>An order awaiting a 42.00 EUR Stripe payment, as Orders would have created it.</summary>
    public async Task<(Guid OrderId, string PaymentId)> CreateOrderAsync()
    {
        var orderId = Guid.NewGuid();
        var paymentId = "pi_" + Guid.NewGuid().ToString("N")[..20];
        await ExecuteAsync(
            "INSERT INTO orders.orders (id, amount_minor, currency, customer_email, provider, payment_id) VALUES ($1, 4200, 'EUR', 'buyer@example.com', 'stripe', $2)",
            orderId, paymentId);
        return (orderId, paymentId);
    }

    public async Task CreateOrderAsync(Guid orderId, string paymentId) =>
        await ExecuteAsync(
            "INSERT INTO orders.orders (id, amount_minor, currency, customer_email, provider, payment_id) VALUES ($1, 4200, 'EUR', 'buyer@example.com', 'stripe', $2)",
            orderId, paymentId);

    /// <summary>Payment events Orders recorded for the order (one row per event applied).</summary>
    public async Task<long> EventCountAsync(Guid orderId) => await ScalarAsync<long>("SELECT count(*) FROM orders.payment_events WHERE order_id = $1", orderId);

    public async Task<long> EventCountAsync(IReadOnlyList<Guid> orderIds) =>
        await ScalarAsync<long>("SELECT count(*) FROM orders.payment_events WHERE order_id = ANY($1)", orderIds.ToArray());

    public async Task<string> StatusAsync(Guid orderId) => await ScalarAsync<string>("SELECT status FROM orders.orders WHERE id = $1", orderId);

    private async Task ExecuteAsync(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(_unpooled);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        await command.ExecuteNonQueryAsync();
    }

    private async Task<T> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(_unpooled);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }
}
