using Npgsql;
using Payments.Testing.Postgres;

namespace Payments.Testing.Tests.Privileges;

/// <summary>
/// A PostgreSQL server with the services' roles and databases from infra/postgres/apply-roles.sh, applied inside its
/// container as compose's postgres-roles container applies them (over the local socket, as the superuser).
/// </summary>
public sealed class PrivilegedDatabase : IAsyncLifetime
{
    public static readonly string[] Services = ["orders", "notifications", "reconciliation", "operations"];

    private readonly PostgresFixture _server = new();
    private readonly Dictionary<string, string> _passwords = ServicePasswords.For("PAYMENTS_POSTGRES_PASSWORD_", Services);

    public async ValueTask InitializeAsync()
    {
        await _server.InitializeAsync();
        var environment = new Dictionary<string, string>(_passwords) { ["PGUSER"] = "postgres" };
        await InfraScript.RunAsync(_server.ContainerId, "infra/postgres/apply-roles.sh", environment, TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    /// <summary>A connection string as <paramref name="service"/>'s role to <paramref name="database"/>.</summary>
    public string ConnectionString(string service, string database) =>
        new NpgsqlConnectionStringBuilder(_server.ConnectionString)
        {
            Username = service,
            Password = _passwords[$"PAYMENTS_POSTGRES_PASSWORD_{service.ToUpperInvariant()}"],
            Database = database,
            Pooling = false,
        }.ConnectionString;
}
