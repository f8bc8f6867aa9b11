using Npgsql;
using Payments.Messaging.Postgres;

namespace Payments.Messaging.Tests.Postgres;

public sealed class When_a_service_pools_its_connections
{
    private const string Written = "Host=db.internal;Database=payments_orders;Username=orders";

    [Fact]
    public void Should_prepare_statements_and_not_reset_a_returned_connection_by_default()
    {
        var applied = new NpgsqlConnectionStringBuilder(PoolSettings.Apply(Written));

        applied.MaxAutoPrepare.ShouldBe(64);
        applied.NoResetOnClose.ShouldBeTrue();
        applied.Host.ShouldBe("db.internal");
    }

    [Theory]
    [InlineData("No Reset On Close=false")]
    [InlineData("NoResetOnClose=false")]
    public void Should_keep_the_reset_a_connection_string_asks_for(string setting) =>
        new NpgsqlConnectionStringBuilder(PoolSettings.Apply($"{Written};{setting}")).NoResetOnClose.ShouldBeFalse();

    [Fact]
    public void Should_keep_the_preparation_a_connection_string_sets() =>
        new NpgsqlConnectionStringBuilder(PoolSettings.Apply($"{Written};Max Auto Prepare=0")).MaxAutoPrepare.ShouldBe(0);
}
