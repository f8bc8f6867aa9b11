using Npgsql;
using Payments.Testing.Postgres;

namespace Payments.Testing.Tests.Postgres;

/// <summary>A primary with a synchronous standby: what the primary committed survives its kill -9, and clients of both hosts follow the promotion.</summary>
public sealed class When_the_primary_database_fails_over : IAsyncLifetime
{
    private readonly PostgresReplicationFixture _replicas = new();

    public ValueTask InitializeAsync() => _replicas.InitializeAsync();

    public ValueTask DisposeAsync() => _replicas.DisposeAsync();

    [Fact]
    public async Task Should_run_the_primary_with_fsync_synchronous_commit_and_full_page_writes_on()
    {
        var ct = TestContext.Current.CancellationToken;
        foreach (var setting in new[] { "fsync", "synchronous_commit", "full_page_writes" })
        {
            (await Sql.ScalarAsync(_replicas.ConnectionString, $"SHOW {setting}", ct)).ShouldBe("on", setting);
        }
    }

    [Fact]
    public async Task Should_keep_every_commit_and_accept_writes_on_the_promoted_standby()
    {
        var ct = TestContext.Current.CancellationToken;
        var database = await _replicas.CreateDatabaseAsync("failover", ct);
        await using (var source = NpgsqlDataSource.Create(database))
        {
            await source.CreateCommand("CREATE TABLE acknowledged (n int PRIMARY KEY)").ExecuteNonQueryAsync(ct);
            await source.CreateCommand("INSERT INTO acknowledged SELECT generate_series(1, 500)").ExecuteNonQueryAsync(ct);
        }

        await _replicas.KillPrimaryAsync(ct);
        await _replicas.PromoteStandbyAsync(ct);

        await using var after = NpgsqlDataSource.Create(database);
        (await Eventually.ValueAsync(async () => (long)(await after.CreateCommand("SELECT count(*) FROM acknowledged").ExecuteScalarAsync(ct))!,
            n => n == 500, TimeSpan.FromSeconds(30), "the acknowledged rows on the new primary", ct)).ShouldBe(500);
        await after.CreateCommand("INSERT INTO acknowledged VALUES (501)").ExecuteNonQueryAsync(ct);
    }
}
