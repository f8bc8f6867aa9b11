using Npgsql;

namespace Payments.Testing.Tests.Privileges;

/// <summary>
/// The services' database roles as infra/postgres/apply-roles.sh declares them: each owns its database (and migrates
/// its schema there), cannot even connect to another's or to the maintenance database, and holds no server privilege.
/// </summary>
public sealed class When_a_service_uses_its_database_role(PrivilegedDatabase database) : IClassFixture<PrivilegedDatabase>
{
    private const string InsufficientPrivilege = "42501";

    public static TheoryData<string, string> OtherDatabases()
    {
        var data = new TheoryData<string, string>();
        foreach (var service in PrivilegedDatabase.Services)
        {
            foreach (var other in PrivilegedDatabase.Services.Where(other => other != service))
                data.Add(service, $"payments_{other}");
            data.Add(service, "postgres");
            data.Add(service, "template1");
        }

        return data;
    }

    public static TheoryData<string> Services() => [.. PrivilegedDatabase.Services];

    [Theory]
    [MemberData(nameof(OtherDatabases))]
    public async Task Should_not_connect_to_a_database_it_does_not_own(string service, string other)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString(service, other));

        var refused = await Should.ThrowAsync<PostgresException>(() => connection.OpenAsync(TestContext.Current.CancellationToken));

        refused.SqlState.ShouldBe(InsufficientPrivilege, $"{service} connecting to {other}");
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Should_own_its_database_without_any_server_privilege(string service)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var connection = new NpgsqlConnection(database.ConnectionString(service, $"payments_{service}"));
        await connection.OpenAsync(ct);

        await using (var role = new NpgsqlCommand(
            "SELECT rolsuper, rolcreatedb, rolcreaterole, rolreplication, rolbypassrls FROM pg_roles WHERE rolname = current_user", connection))
        await using (var reader = await role.ExecuteReaderAsync(ct))
        {
            (await reader.ReadAsync(ct)).ShouldBeTrue();
            for (var i = 0; i < reader.FieldCount; i++)
                reader.GetBoolean(i).ShouldBeFalse($"{service}'s {reader.GetName(i)}");
        }

        // What its migrations do: a schema and tables of its own.
        await Execute(connection, $"CREATE SCHEMA IF NOT EXISTS {service}_probe; CREATE TABLE IF NOT EXISTS {service}_probe.t (id int)", ct);

        (await Should.ThrowAsync<PostgresException>(() => Execute(connection, $"CREATE DATABASE {service}_other", ct)))
            .SqlState.ShouldBe(InsufficientPrivilege, "CREATE DATABASE");
        (await Should.ThrowAsync<PostgresException>(() => Execute(connection, $"CREATE ROLE {service}_other", ct)))
            .SqlState.ShouldBe(InsufficientPrivilege, "CREATE ROLE");
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
