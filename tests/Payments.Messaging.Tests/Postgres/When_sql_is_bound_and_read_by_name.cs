using Npgsql;
using NpgsqlTypes;
using Payments.Messaging.Postgres;
using Payments.Messaging.Tests.Infrastructure;
using Payments.Testing.Messaging;

namespace Payments.Messaging.Tests.Postgres;

/// <summary>
/// <see cref="SqlParameters"/> and <see cref="SqlRows"/> against a real server: each parameter keeps the PostgreSQL type
/// of its type argument (null or not), and a column reads the same wherever the SELECT puts it.
/// </summary>
[Collection(MessagingCollection.Name)]
public sealed class When_sql_is_bound_and_read_by_name(MessagingServers infrastructure) : IAsyncLifetime
{
    private NpgsqlDataSource _dataSource = null!;

    public async ValueTask InitializeAsync() =>
        _dataSource = NpgsqlDataSource.Create(await infrastructure.Postgres.CreateDatabaseAsync("sql", TestContext.Current.CancellationToken));

    public async ValueTask DisposeAsync() => await _dataSource.DisposeAsync();

    [Fact]
    public async Task Should_send_each_parameter_as_the_type_of_its_type_argument()
    {
        var ct = TestContext.Current.CancellationToken;
        const int count = 42;
        await using var command = _dataSource.CreateCommand(
            "SELECT pg_typeof($1)::text AS a, pg_typeof($2)::text AS b, pg_typeof($3)::text AS c, pg_typeof($4)::text AS d, pg_typeof($5)::text AS e, pg_typeof($6)::text AS f");
        command.Bind<long>(count).Bind(Guid.NewGuid()).Bind<string?>(null).Bind<Guid?>(null, NpgsqlDbType.Uuid).Bind("{}", NpgsqlDbType.Jsonb)
            .Bind<Guid[]>([Guid.NewGuid()]);

        await using var reader = await command.ExecuteReaderAsync(ct);
        (await reader.ReadAsync(ct)).ShouldBeTrue();

        string[] types = [.. "abcdef".Select(c => reader.Get<string>(c.ToString()))];
        types.ShouldBe(["bigint", "uuid", "text", "uuid", "jsonb", "uuid[]"]);
        command.Parameters[0].ShouldBeOfType<NpgsqlParameter<long>>();
    }

    [Fact]
    public async Task Should_bind_a_batch_command_in_order()
    {
        var ct = TestContext.Current.CancellationToken;
        var id = Guid.NewGuid();
        await using var batch = _dataSource.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT $1 AS id, $2 AS name, $3 AS missing").Bind(id).Bind("first").Bind<string?>(null));

        await using var reader = await batch.ExecuteReaderAsync(ct);
        (await reader.ReadAsync(ct)).ShouldBeTrue();

        reader.Get<Guid>("id").ShouldBe(id);
        reader.Get<string>("name").ShouldBe("first");
        reader.GetOrNull<string>("missing").ShouldBeNull();
    }

    [Fact]
    public async Task Should_read_a_column_by_its_name_wherever_it_stands()
    {
        var before = await ReadAmountAsync("SELECT 7::bigint AS amount_minor, 'EUR'::text AS currency");
        var after = await ReadAmountAsync("SELECT 'added'::text AS added, 'EUR'::text AS currency, 7::bigint AS amount_minor");

        after.ShouldBe(before);
        after.ShouldBe((7L, "EUR"));
    }

    [Fact]
    public async Task Should_read_nulls_as_null_for_nullable_value_types_and_through_GetOrNull_for_references()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var command = _dataSource.CreateCommand(
            "SELECT NULL::uuid AS order_id, NULL::timestamptz AS stuck_at, 3::bigint AS refunded_minor, NULL::text AS last_error, NULL::bytea AS body");

        await using var reader = await command.ExecuteReaderAsync(ct);
        (await reader.ReadAsync(ct)).ShouldBeTrue();

        reader.Get<Guid?>("order_id").ShouldBeNull();
        reader.Get<DateTimeOffset?>("stuck_at").ShouldBeNull();
        reader.Get<long?>("refunded_minor").ShouldBe(3);
        reader.GetOrNull<string>("last_error").ShouldBeNull();
        reader.GetOrNull<byte[]>(reader.GetOrdinal("body")).ShouldBeNull();
        // Why GetOrNull exists: Npgsql refuses a null read as a reference type.
        Should.Throw<InvalidCastException>(() => reader.Get<string>("last_error"));
    }

    [Fact]
    public async Task Should_find_ordinals_before_the_first_row_even_when_there_is_none()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var command = _dataSource.CreateCommand("SELECT 1 AS id, 'x'::text AS name WHERE false");

        await using var reader = await command.ExecuteReaderAsync(ct);

        reader.GetOrdinal("name").ShouldBe(1);
        Should.Throw<IndexOutOfRangeException>(() => reader.GetOrdinal("nmae"));
        (await reader.ReadAsync(ct)).ShouldBeFalse();
    }

    private async Task<(long Amount, string Currency)> ReadAmountAsync(string sql)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var command = _dataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync(ct);
        (await reader.ReadAsync(ct)).ShouldBeTrue();
        return (reader.Get<long>("amount_minor"), reader.Get<string>("currency"));
    }
}
