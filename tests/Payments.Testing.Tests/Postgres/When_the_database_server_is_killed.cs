using Npgsql;
using Payments.Testing.Postgres;

namespace Payments.Testing.Tests.Postgres;

[Collection(DatabaseCollection.Name)]
public sealed class When_the_database_server_is_killed(PostgresFixture postgres)
{
    [Fact]
    public async Task Should_refuse_connections_until_started_again_on_its_port()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        // CREATE DATABASE is checkpointed; a row committed just before the kill need not be, as the fixture runs
        // with synchronous_commit off.
        var database = await postgres.CreateDatabaseAsync("kill", cancellationToken);
        var port = postgres.Port;

        await postgres.KillAsync(cancellationToken);
        await Should.ThrowAsync<NpgsqlException>(() => Sql.ScalarAsync(database, "SELECT 1", cancellationToken));
        await postgres.StartAsync(cancellationToken);

        postgres.Port.ShouldBe(port);
        (await Sql.ScalarAsync(database, "SELECT 1", cancellationToken)).ShouldBe(1);
    }
}
