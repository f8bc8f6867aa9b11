using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Payments.Messaging.Schema;
using Payments.Orders.Tests.Infrastructure;

namespace Payments.Orders.Tests.Schema;

/// <summary>
/// Orders' own scripts, applied with its database at start-up. How migration works, and the library's scripts, are
/// Payments.Messaging.Tests' business; that these scripts are idempotent is Orders'.
/// </summary>
[Collection(OrdersCollection.Name)]
public sealed class When_the_orders_scripts_run_again(Infrastructure.Infrastructure infrastructure) : OrdersTest(infrastructure)
{
    [Fact]
    public async Task Should_have_applied_each_once_and_tolerate_them_replayed()
    {
        var ct = TestContext.Current.CancellationToken;
        var scripts = Scenario.App.Services.GetServices<SchemaScripts>().SelectMany(s => s.Scripts).Where(s => s.Id.StartsWith("orders.", StringComparison.Ordinal)).ToList();
        scripts.Select(s => s.Id).ShouldBe(["orders.001_orders", "orders.002_story", "orders.003_inbox_keys"]);

        // Replayed outside the bookkeeping (a restored backup, a hand-run script): nothing fails, nothing is recorded twice.
        await using var connection = new NpgsqlConnection(Scenario.Database);
        await connection.OpenAsync(ct);
        foreach (var script in scripts)
        {
            await using var command = new NpgsqlCommand(script.Sql, connection);
            await command.ExecuteNonQueryAsync(ct);
        }

        (await Scenario.App.ScalarAsync<long>("SELECT count(*) FROM public.schema_migrations WHERE id LIKE 'orders.%'")).ShouldBe(scripts.Count);
    }
}
