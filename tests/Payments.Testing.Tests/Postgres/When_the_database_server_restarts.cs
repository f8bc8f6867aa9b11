using Npgsql;
using Payments.Testing.Postgres;

namespace Payments.Testing.Tests.Postgres;

[Collection(DatabaseCollection.Name)]
public sealed class When_the_database_server_restarts(PostgresFixture postgres)
{
    [Fact]
    public async Task Should_refuse_connections_while_down_and_keep_its_data()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var database = await postgres.CreateDatabaseAsync("restart", cancellationToken);
        await Sql.ScalarAsync(database, "CREATE TABLE payments (id int); INSERT INTO payments VALUES (42)", cancellationToken);
        var port = postgres.Port;

        await postgres.StopAsync(cancellationToken);
        await Should.ThrowAsync<NpgsqlException>(() => Sql.ScalarAsync(database, "SELECT 1", cancellationToken));
        await postgres.StartAsync(cancellationToken);

        postgres.Port.ShouldBe(port);
        (await Sql.ScalarAsync(database, "SELECT id FROM payments", cancellationToken)).ShouldBe(42);
    }
}
