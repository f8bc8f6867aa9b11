using System.Globalization;
using System.Text.Json;
using Npgsql;
using Payments.Operations.DeadLetters;

namespace Payments.Bench.Operations;

/// <summary>
/// Dead letters as the reader stores them (the service's own <see cref="DeadLetterStore.InsertAsync"/>): four error
/// queues, MassTransit's fault headers, a ~700-byte body with a customer address, failures spread over 14 days, about
/// two letters per order; then 15% marked replayed and 5% discarded, as operators would have left them.
/// </summary>
internal static class Seeding
{
    public static readonly string[] Queues =
        ["orders-payment-events_error", "orders-payment-creation_error", "notifications-order-events_error", "reconciliation-order-events_error"];

    // (exception type, fault message); one in ten is the timeout the reason filter looks for.
    private static readonly (string Type, string Message)[] Faults =
    [
        ("Payments.Orders.Payments.OrderNotFoundException", "Order {0} was not found"),
        ("System.Net.Sockets.SocketException", "Connection refused"),
        ("Npgsql.PostgresException", "23505: duplicate key value violates unique constraint \"inbox_pkey\""),
        ("System.Net.Mail.SmtpException", "Mailbox unavailable. The server response was: 550 5.1.1 user unknown"),
        ("System.InvalidOperationException", "Payment {0} is in state refunded and cannot become paid"),
        ("System.Text.Json.JsonException", "The JSON value could not be converted to System.Decimal. Path: $.message.amount"),
        ("Polly.Timeout.TimeoutRejectedException", "The operation didn't complete within the allowed timeout of '00:00:10'."),
        ("Npgsql.NpgsqlException", "Exception while reading from stream"),
        ("System.Net.Sockets.SocketException", "Connection refused"),
        ("Payments.Orders.Payments.OrderNotFoundException", "Order {0} was not found"),
    ];

    public static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Inserts <paramref name="count"/> letters; returns the order ids used (each carries one to three letters).</summary>
    public static async Task<List<string>> SeedAsync(NpgsqlDataSource dataSource, int count)
    {
        var store = new DeadLetterStore(dataSource);
        var random = new Random(20261201);
        var orders = new List<string>();
        var messageTypes = new[] { "PaymentEventReceived", "CreatePayment", "OrderPaid", "OrderPaymentStatusChanged" };
        for (var i = 0; i < count; i++)
        {
            if (orders.Count == 0 || random.Next(2) == 0)
            {
                orders.Add(Guid.CreateVersion7().ToString());
            }

            var orderId = orders[^1];
            // Queue weights 60/15/15/10: most failures are the payment events consumer's.
            var q = random.Next(100) switch { < 60 => 0, < 75 => 1, < 90 => 2, _ => 3 };
            var (type, message) = Faults[random.Next(Faults.Length)];
            var paymentId = "pi_" + Guid.NewGuid().ToString("N")[..24];
            var failedAt = Now - TimeSpan.FromSeconds(random.Next(14 * 24 * 3600));
            var messageId = Guid.NewGuid().ToString();
            var fault = string.Format(CultureInfo.InvariantCulture, message, orderId);
            var headers = new Dictionary<string, string?>
            {
                ["MT-Reason"] = "fault",
                ["MT-Fault-ExceptionType"] = type,
                ["MT-Fault-Message"] = fault,
                ["MT-Fault-Timestamp"] = failedAt.ToString("O", CultureInfo.InvariantCulture),
                ["MT-Fault-InputAddress"] = $"rabbitmq://127.0.0.1:5672/{Queues[q][..^"_error".Length]}",
                ["MT-Fault-RetryCount"] = "2",
                ["MT-Fault-MessageType"] = $"urn:message:Payments.Contracts:{messageTypes[q]}",
                ["MT-Fault-ConsumerType"] = "Payments.Orders.Consumers.PaymentEventConsumer",
                ["MT-Fault-StackTrace"] = string.Concat(Enumerable.Repeat($"   at {type}.Throw()\n", 12)),
                ["MT-Host-MachineName"] = "orders-7f9c",
                ["MT-Host-ProcessName"] = "Payments.Orders",
                ["MT-Host-FrameworkVersion"] = "10.0.0",
                ["MT-Host-MassTransitVersion"] = "8.5.12",
                ["traceparent"] = $"00-{Guid.NewGuid():N}-{Guid.NewGuid().ToString("N")[..16]}-01",
            };
            var body = JsonSerializer.SerializeToUtf8Bytes(new
            {
                messageId,
                messageType = new[] { $"urn:message:Payments.Contracts:{messageTypes[q]}" },
                sentTime = failedAt,
                message = new
                {
                    orderId,
                    paymentId,
                    customerEmail = $"customer{i}@example.com",
                    amount = 1999 + i % 5000,
                    currency = "EUR",
                    provider = "stripe",
                    occurredAt = failedAt,
                    description = new string('x', 200),
                },
            });
            var properties = new Dictionary<string, string?> { ["contentType"] = "application/vnd.masstransit+json", ["deliveryMode"] = "2" };
            await store.InsertAsync(new CapturedDeadLetter(Queues[q], $"{messageId}|{headers["MT-Fault-Timestamp"]}", messageId, messageTypes[q],
                "application/vnd.masstransit+json", headers, properties, body, "fault", fault, type, headers["MT-Fault-InputAddress"], failedAt,
                orderId, paymentId), CancellationToken.None);
        }

        await ExecuteAsync(dataSource, """
            UPDATE deadletters.messages SET state = 'replayed', replayed_at = failed_at + interval '1 hour', replay_count = 1 WHERE id % 20 IN (1, 2, 3);
            UPDATE deadletters.messages SET state = 'discarded', discarded_at = failed_at + interval '2 hours', discarded_by = 'bench', discard_reason = 'duplicate'
                WHERE id % 20 = 4;
            VACUUM ANALYZE deadletters.messages;
            """);
        return orders;
    }

    public static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        foreach (var statement in sql.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            await using var command = new NpgsqlCommand(statement, connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    public static async Task<string> ScalarTextAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        return Convert.ToString(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture) ?? "";
    }
}
