using System.Text.Json;
using Payments.Contracts;
using Payments.Reconciliation.Tests.Infrastructure;
using Payments.Testing;
using Payments.Testing.Messaging;

namespace Payments.Reconciliation.Tests.Privacy;

/// <summary>
/// A real order, paid through a real webhook: what Orders routes to Reconciliation's queue, and what Reconciliation
/// stores, holds no customer address (docs/decisions/0004-personal-data-in-messages.md).
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class When_order_events_are_processed(PaymentSystem system) : IAsyncLifetime
{
    private const string Address = "customer@example.com"; // what Orders.CreateAsync orders with

    private ReconciliationApp _app = null!;
    private TestBus _bus = null!;
    private string _watch = null!;
    private string[] _routed = null!;

    public async ValueTask InitializeAsync()
    {
        (_app, _) = await ReconciliationApp.StartAsync(system.Broker, system.Postgres, system.Simulator.BaseUrl);
        _bus = await TestBus.ConnectAsync(system.Broker);
        // The types Orders' own configuration routes to Reconciliation's queue, watched through a queue of the test's.
        _routed = OrdersSubscribers(ReconciliationExtensions.OrderEventsQueue);
        _watch = await _bus.WatchAsync([.. _routed.Select(name => typeof(OrderCreated).Assembly.GetType($"Payments.Contracts.{name}", throwOnError: true)!)]);
    }

    public async ValueTask DisposeAsync()
    {
        await _bus.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Should_carry_no_address_to_reconciliation_and_store_none()
    {
        var ct = TestContext.Current.CancellationToken;
        var (orderId, paymentId) = await system.Orders.CreateAsync();
        await system.Simulator.ConfirmAsync(paymentId, "pm_card_visa");
        await Eventually.TrueAsync(async () => await _app.ScalarAsync<string>($"SELECT status FROM reconciliation.payments WHERE order_id = '{orderId}'") == "paid",
            TimeSpan.FromSeconds(60), "Reconciliation to record the order as paid", ct);

        var captured = await Eventually.ValueAsync(
            async () => (await _bus.DrainAsync(_watch)).Where(m => m.Message.GetProperty("orderId").GetGuid() == orderId).ToList(),
            m => m.Count >= 2, TimeSpan.FromSeconds(20), "OrderCreated and the outcome, as routed to Reconciliation", ct);
        foreach (var (type, _, message) in captured)
        {
            message.GetRawText().ShouldNotContain(Address, Case.Insensitive, $"{type} is routed to Reconciliation");
            if (message.TryGetProperty("customerEmail", out var email))
            {
                email.ValueKind.ShouldBe(JsonValueKind.Null, $"{type}'s deprecated address field stays empty");
            }
        }

        (await RowsHoldingAddressAsync()).ShouldBeEmpty("no table of Reconciliation's database may hold the customer's address");
    }

    /// <summary>Every table of the service's database, each row as text, searched for the address.</summary>
    private async Task<List<string>> RowsHoldingAddressAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var dataSource = Npgsql.NpgsqlDataSource.Create(_app.Postgres);
        var tables = new List<string>();
        await using (var list = dataSource.CreateCommand(
            "SELECT format('%I.%I', schemaname, tablename) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')"))
        await using (var reader = await list.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                tables.Add(reader.GetString(0));
            }
        }

        tables.ShouldContain("reconciliation.payments");
        var holding = new List<string>();
        foreach (var table in tables)
        {
            await using var search = dataSource.CreateCommand($"SELECT count(*) FROM {table} t WHERE t::text ILIKE '%' || $1 || '%'");
            search.Parameters.Add(new Npgsql.NpgsqlParameter<string> { TypedValue = Address });
            if ((long)(await search.ExecuteScalarAsync(ct))! > 0)
            {
                holding.Add(table);
            }
        }

        return holding;
    }

    private static string[] OrdersSubscribers(string queue)
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(SourceTree.PathOf("services", "Payments.Orders", "appsettings.json")));
        return [.. settings.RootElement.GetProperty("Messaging").GetProperty("Broker").GetProperty("Subscribers").GetProperty(queue)
            .EnumerateArray().Select(t => t.GetString()!)];
    }
}
