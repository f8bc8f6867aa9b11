using System.Net;
using System.Text.Json;
using Npgsql;
using Payments.Orders.Tests.Infrastructure;

namespace Payments.Orders.Tests.Http;

/// <summary>
/// Every order state with every combination of the nullable payment columns, as rows the service can leave behind
/// (a payment event may record the payment id while the payment creation still waits for its retry from the outbox):
/// each is read as a well-formed 200.
/// </summary>
[Collection(OrdersCollection.Name)]
public sealed class When_an_order_is_read_in_any_recorded_state(Infrastructure.Infrastructure infrastructure) : OrdersTest(infrastructure)
{
    private static readonly string[] States = ["awaiting_payment", "payment_failed", "paid", "refunded", "needs_attention"];
    private static readonly string?[] Providers = [null, "stripe"];
    private static readonly string?[] PaymentIds = [null, "pi_recorded"];
    private static readonly string?[] AttentionReasons = [null, "Amount mismatch."];
    private static readonly long?[] Refunds = [null, 100];

    public static IEnumerable<Row> Rows() =>
        from state in States
        from provider in Providers
        from paymentId in PaymentIds
        from reason in AttentionReasons
        from refunded in Refunds
        select new Row(Guid.NewGuid(), state, provider, paymentId is null ? null : $"{paymentId}_{Guid.NewGuid():N}", reason, refunded);

    [Fact]
    public async Task Should_answer_a_well_formed_200_for_every_combination()
    {
        var ct = TestContext.Current.CancellationToken;
        var rows = Rows().ToList();
        await InsertAsync(rows, ct);

        var failures = new List<string>();
        foreach (var row in rows)
        {
            var response = await Scenario.Client.GetAsync($"/orders/{row.Id}", ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                failures.Add($"{row}: {(int)response.StatusCode}");
                continue;
            }

            using var json = JsonDocument.Parse(body);
            var order = json.RootElement;
            var payment = order.GetProperty("payment");
            var problems = new List<string>();
            Check(problems, order.GetProperty("id").GetGuid() == row.Id, "id");
            Check(problems, order.GetProperty("status").GetString() == row.Status, "status");
            Check(problems, payment.ValueKind == (row.PaymentId is null ? JsonValueKind.Null : JsonValueKind.Object), "payment presence");
            if (row.PaymentId is not null)
            {
                Check(problems, payment.GetProperty("paymentId").GetString() == row.PaymentId, "payment id");
                Check(problems, payment.GetProperty("provider").GetString() == row.Provider, "provider");
            }

            Check(problems, order.GetProperty("attentionReason").GetString() == row.AttentionReason, "attention reason");
            Check(problems, Nullable(order.GetProperty("refundedMinor")) == row.RefundedMinor, "refunded");
            Check(problems, order.GetProperty("history").GetArrayLength() == 0, "history");
            if (problems.Count > 0)
            {
                failures.Add($"{row}: {string.Join(", ", problems)} in {body}");
            }
        }

        failures.ShouldBeEmpty($"{failures.Count} of {rows.Count} combinations");
    }

    private static void Check(List<string> problems, bool ok, string what)
    {
        if (!ok)
        {
            problems.Add(what);
        }
    }

    private static long? Nullable(JsonElement element) => element.ValueKind == JsonValueKind.Null ? null : element.GetInt64();

    private async Task InsertAsync(IReadOnlyList<Row> rows, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(Scenario.App.Postgres);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO orders.orders (id, amount_minor, currency, customer_email, status, provider, payment_id, attention_reason, refunded_minor)
            SELECT id, 4200, 'EUR', 'customer@example.com', status, provider, payment_id, reason, refunded
            FROM unnest($1, $2, $3, $4, $5, $6) AS r(id, status, provider, payment_id, reason, refunded)
            """, connection);
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = [.. rows.Select(r => r.Id)] });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. rows.Select(r => r.Status)] });
        command.Parameters.Add(new NpgsqlParameter<string?[]> { TypedValue = [.. rows.Select(r => r.Provider)] });
        command.Parameters.Add(new NpgsqlParameter<string?[]> { TypedValue = [.. rows.Select(r => r.PaymentId)] });
        command.Parameters.Add(new NpgsqlParameter<string?[]> { TypedValue = [.. rows.Select(r => r.AttentionReason)] });
        command.Parameters.Add(new NpgsqlParameter<long?[]> { TypedValue = [.. rows.Select(r => r.RefundedMinor)] });
        (await command.ExecuteNonQueryAsync(ct)).ShouldBe(rows.Count);
    }

    public sealed record Row(Guid Id, string Status, string? Provider, string? PaymentId, string? AttentionReason, long? RefundedMinor);
}
