using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Payments.Messaging.Schema;
using Payments.Orders.Tests.Infrastructure;

namespace Payments.Orders.Tests.Outbox;

[Collection(OrdersCollection.Name)]
public sealed class When_the_schema_is_migrated_twice(Infrastructure.Infrastructure infrastructure) : IAsyncLifetime
{
    private OrdersScenario _scenario = null!;

    public async ValueTask InitializeAsync() => _scenario = await OrdersScenario.CreateAsync(infrastructure);

    public async ValueTask DisposeAsync() => await _scenario.DisposeAsync();

    [Fact]
    public async Task Should_apply_nothing_the_second_time_and_tolerate_scripts_run_again()
    {
        var ct = TestContext.Current.CancellationToken;
        var migrator = _scenario.App.Services.GetRequiredService<SchemaMigrator>();
        (await migrator.MigrateAsync(ct)).ShouldBe(0);

        // Even replayed outside the bookkeeping (a restored backup, a hand-run script), every script is idempotent.
        var scripts = _scenario.App.Services.GetServices<SchemaScripts>().SelectMany(s => s.Scripts).ToList();
        scripts.Select(s => s.Id).ShouldBe(["messaging.001_inbox_outbox", "messaging.002_parked_retention", "operations.001_audit", "orders.001_orders", "orders.002_story", "orders.003_inbox_keys"]);
        await using var connection = new NpgsqlConnection(_scenario.Database);
        await connection.OpenAsync(ct);
        foreach (var script in scripts)
        {
            await using var command = new NpgsqlCommand(script.Sql, connection);
            await command.ExecuteNonQueryAsync(ct);
        }

        (await _scenario.App.ScalarAsync<long>("SELECT count(*) FROM public.schema_migrations")).ShouldBe(scripts.Count);
    }

    [Fact]
    public async Task Should_let_instances_starting_together_migrate_one_database_safely()
    {
        var database = await infrastructure.Postgres.CreateDatabaseAsync("race", TestContext.Current.CancellationToken);
        var dataSource = NpgsqlDataSource.Create(database);
        var sources = _scenario.App.Services.GetServices<SchemaScripts>().ToList();
        var migrators = Enumerable.Range(0, 4).Select(_ => new SchemaMigrator(dataSource, sources,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<SchemaMigrator>.Instance)).ToList();

        var applied = await Task.WhenAll(migrators.Select(m => m.MigrateAsync(TestContext.Current.CancellationToken)));

        applied.Sum().ShouldBe(6);
        await dataSource.DisposeAsync();
    }
}
