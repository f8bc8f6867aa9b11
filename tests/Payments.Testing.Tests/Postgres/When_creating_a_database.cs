using Npgsql;
using Payments.Testing.Postgres;

namespace Payments.Testing.Tests.Postgres;

[Collection(DatabaseCollection.Name)]
public sealed class When_creating_a_database(PostgresFixture postgres)
{
    [Fact]
    public async Task Should_get_a_fresh_database_no_other_test_sees()
    {
        var cancellationToken = TestContext.Current.CancellationToken;

        var mine = await postgres.CreateDatabaseAsync("Orders-Test", cancellationToken);
        var theirs = await postgres.CreateDatabaseAsync("Orders-Test", cancellationToken);
        await Sql.ScalarAsync(mine, "CREATE TABLE orders (id int); INSERT INTO orders VALUES (1)", cancellationToken);

        new NpgsqlConnectionStringBuilder(mine).Database.ShouldStartWith("orders_test_");
        mine.ShouldNotBe(theirs);
        (await Sql.ScalarAsync(mine, "SELECT count(*) FROM orders", cancellationToken)).ShouldBe(1L);
        (await Sql.ScalarAsync(theirs, "SELECT to_regclass('orders') IS NULL", cancellationToken)).ShouldBe(true);
    }
}
