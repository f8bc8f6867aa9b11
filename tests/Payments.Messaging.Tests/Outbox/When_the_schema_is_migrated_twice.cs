using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Payments.Messaging.Schema;
using Payments.Messaging.Tests.Infrastructure;
using Payments.Testing.Messaging;

namespace Payments.Messaging.Tests.Outbox;

/// <summary>The library's scripts and the service's own (the test host has one), migrated by the service's start-up and again.</summary>
[Collection(MessagingCollection.Name)]
public sealed class When_the_schema_is_migrated_twice(MessagingServers servers) : IAsyncLifetime
{
    private MessagingScenario _scenario = null!;

    public async ValueTask InitializeAsync() => _scenario = await MessagingScenario.CreateAsync(servers);

    public async ValueTask DisposeAsync() => await _scenario.DisposeAsync();

    [Fact]
    public async Task Should_apply_nothing_the_second_time_and_tolerate_scripts_run_again()
    {
        var ct = TestContext.Current.CancellationToken;
        var migrator = _scenario.Host.Services.GetRequiredService<SchemaMigrator>();
        (await migrator.MigrateAsync(ct)).ShouldBe(0);

        // Even replayed outside the bookkeeping (a restored backup, a hand-run script), every script is idempotent.
        var scripts = _scenario.Host.Services.GetServices<SchemaScripts>().SelectMany(s => s.Scripts).ToList();
        scripts.Select(s => s.Id).ShouldBe(["messaging.001_inbox_outbox", "messaging.002_parked_retention", "operations.001_audit", "probe.001_probes"]);
        await using var connection = new NpgsqlConnection(_scenario.Database);
        await connection.OpenAsync(ct);
        foreach (var script in scripts)
        {
            await using var command = new NpgsqlCommand(script.Sql, connection);
            await command.ExecuteNonQueryAsync(ct);
        }

        (await _scenario.Host.ScalarAsync<long>("SELECT count(*) FROM public.schema_migrations")).ShouldBe(scripts.Count);
    }

    [Fact]
    public async Task Should_let_instances_starting_together_migrate_one_database_safely()
    {
        var database = await servers.Postgres.CreateDatabaseAsync("race", TestContext.Current.CancellationToken);
        await using var dataSource = NpgsqlDataSource.Create(database);
        var sources = _scenario.Host.Services.GetServices<SchemaScripts>().ToList();
        var migrators = Enumerable.Range(0, 4).Select(_ => new SchemaMigrator(dataSource, sources, NullLogger<SchemaMigrator>.Instance)).ToList();

        var applied = await Task.WhenAll(migrators.Select(m => m.MigrateAsync(TestContext.Current.CancellationToken)));

        applied.Sum().ShouldBe(4);
    }
}
