using System.Collections.Concurrent;
using Npgsql;
using Payments.Testing.Postgres;

namespace Payments.Testing.Tests.Postgres;

/// <summary>
/// A durable server (<see cref="PostgresFixture.Durable"/>) is what a crash test counts against: every commit it
/// acknowledged before a kill -9 is there after crash recovery.
/// </summary>
public sealed class When_a_durable_database_server_is_killed : IAsyncLifetime
{
    private const int Writers = 4;

    private readonly PostgresFixture _postgres = new() { Durable = true };

    public async ValueTask InitializeAsync() => await _postgres.InitializeAsync();

    public async ValueTask DisposeAsync() => await _postgres.DisposeAsync();

    [Fact]
    public async Task Should_run_with_fsync_synchronous_commit_and_full_page_writes_on()
    {
        var cancellationToken = TestContext.Current.CancellationToken;

        foreach (var setting in new[] { "fsync", "synchronous_commit", "full_page_writes" })
        {
            (await Sql.ScalarAsync(_postgres.ConnectionString, $"SHOW {setting}", cancellationToken)).ShouldBe("on", setting);
        }
    }

    [Fact]
    public async Task Should_keep_every_commit_it_acknowledged()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var database = await _postgres.CreateDatabaseAsync("durable_kill", cancellationToken);
        await Sql.ScalarAsync(database, "CREATE TABLE acknowledged (id bigint PRIMARY KEY)", cancellationToken);

        // Writers commit one row at a time, as fast as they can, until the kill breaks their connections: the commits
        // acknowledged in the last moments before it are the ones a server that acknowledges early loses.
        var acknowledged = new ConcurrentBag<long>();
        var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(() => WriteUntilBrokenAsync(database, w, acknowledged, cancellationToken), cancellationToken)).ToList();
        await Eventually.TrueAsync(() => Task.FromResult(acknowledged.Count >= 2_000), TimeSpan.FromSeconds(30), "the writers to be committing", cancellationToken);

        await _postgres.KillAsync(cancellationToken);
        await Task.WhenAll(writers);
        await _postgres.StartAsync(cancellationToken);

        var present = await ReadIdsAsync(database, cancellationToken);
        var lost = acknowledged.Where(id => !present.Contains(id)).Order().ToList();
        lost.ShouldBeEmpty($"{lost.Count} of {acknowledged.Count} acknowledged commits were lost by the kill: {string.Join(", ", lost.Take(10))}");
    }

    private static async Task WriteUntilBrokenAsync(string database, int writer, ConcurrentBag<long> acknowledged, CancellationToken cancellationToken)
    {
        var unpooled = new NpgsqlConnectionStringBuilder(database) { Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(unpooled);
        await connection.OpenAsync(cancellationToken);
        await using var insert = new NpgsqlCommand("INSERT INTO acknowledged (id) VALUES ($1)", connection);
        var id = new NpgsqlParameter<long>();
        insert.Parameters.Add(id);
        try
        {
            for (long n = 0; ; n++)
            {
                id.TypedValue = n * Writers + writer;
                await insert.ExecuteNonQueryAsync(cancellationToken); // autocommit: returned means committed
                acknowledged.Add(id.TypedValue);
            }
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException && !cancellationToken.IsCancellationRequested)
        {
            // The kill: this commit's outcome is unknown, so it is not counted as acknowledged.
        }
    }

    private static async Task<HashSet<long>> ReadIdsAsync(string database, CancellationToken cancellationToken)
    {
        var unpooled = new NpgsqlConnectionStringBuilder(database) { Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(unpooled);
        await connection.OpenAsync(cancellationToken);
        await using var select = new NpgsqlCommand("SELECT id FROM acknowledged", connection);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        var ids = new HashSet<long>();
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }
}
