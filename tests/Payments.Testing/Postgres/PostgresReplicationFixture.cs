using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Configurations;
using DotNet.Testcontainers.Networks;
using Npgsql;
using Payments.Testing.Containers;
using Testcontainers.PostgreSql;
using Xunit;

namespace Payments.Testing.Postgres;

/// <summary>
/// A PostgreSQL primary with one streaming standby (https://www.postgresql.org/docs/15/warm-standby.html), in containers on a
/// network of their own: the standby is cloned with <c>pg_basebackup -R</c> and replicates synchronously
/// (<c>synchronous_standby_names = '*'</c>, <c>synchronous_commit = on</c>, fsync on), so a commit the primary acknowledged is
/// on the standby too. Clients get both hosts in one connection string with <c>Target Session Attributes=primary</c>, so
/// after <see cref="KillPrimaryAsync"/> and <see cref="PromoteStandbyAsync"/> they find the new primary by themselves.
/// </summary>
public sealed class PostgresReplicationFixture : IAsyncLifetime
{
    private const int ServerPort = 5432;
    private const string Superuser = "postgres";

    private readonly string _password = RandomNumberGenerator.GetHexString(24, lowercase: true);
    private readonly string _primaryHost = $"pg-{Guid.NewGuid().ToString("N")[..8]}-primary";
    private INetwork? _network;
    private FixtureContainer? _primary;
    private FixtureContainer? _standby;

    public int PrimaryPort => Node(_primary).Ports[ServerPort];

    public int StandbyPort => Node(_standby).Ports[ServerPort];

    /// <summary>The <c>postgres</c> database on whichever host is primary now, as the superuser.</summary>
    public string ConnectionString => ConnectionStringFor("postgres");

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _network = new NetworkBuilder().WithName($"payments-fixture-postgres-{_primaryHost}").WithLabel(FixtureOwner.Current.Labels).Build();
        await _network.CreateAsync(ct);
        _primary = await FixtureContainer.StartAsync([ServerPort], BuildPrimary, AcceptsConnectionsAsync, TimeSpan.FromSeconds(60), ct);
        _standby = await FixtureContainer.StartAsync([ServerPort], BuildStandby, AcceptsConnectionsAsync, TimeSpan.FromSeconds(90), ct);
        await Eventually.TrueAsync(async () => await ScalarAsync<long>(PrimaryPort,
                "SELECT count(*) FROM pg_stat_replication WHERE sync_state = 'sync' AND state = 'streaming'", ct) == 1,
            TimeSpan.FromSeconds(60), "the standby streaming synchronously", ct);
    }

    /// <summary>A new, empty database (created on the primary, replicated to the standby) and a connection string to it on both hosts.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix, CancellationToken cancellationToken = default)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(Single(PrimaryPort, "postgres"));
        await connection.OpenAsync(cancellationToken);
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync(cancellationToken);
        return ConnectionStringFor(name);
    }

    /// <summary>kill -9 of the primary's postmaster (docker kill): no shutdown at all.</summary>
    public Task KillPrimaryAsync(CancellationToken cancellationToken = default) => Node(_primary).KillAsync(cancellationToken);

    /// <summary>Promotes the standby (<c>SELECT pg_promote()</c>, which waits until it accepts writes).</summary>
    public async Task PromoteStandbyAsync(CancellationToken cancellationToken = default)
    {
        if (!await ScalarAsync<bool>(StandbyPort, "SELECT pg_promote(wait => true, wait_seconds => 60)", cancellationToken))
            throw new InvalidOperationException("pg_promote did not promote the standby within 60 s.");
    }

    public async ValueTask DisposeAsync()
    {
        if (_standby is not null)
            await _standby.DisposeAsync();
        if (_primary is not null)
            await _primary.DisposeAsync();
        if (_network is not null)
            await _network.DisposeAsync();
    }

    private static FixtureContainer Node(FixtureContainer? node) => node ?? throw new InvalidOperationException("InitializeAsync has not run.");

    private DotNet.Testcontainers.Containers.IContainer BuildPrimary(HostPorts ports) =>
        new PostgreSqlBuilder(ContainerImages.Current.Postgres)
            .WithUsername(Superuser)
            .WithPassword(_password)
            .WithDatabase("postgres")
            .WithHostname(_primaryHost)
            .WithNetwork(_network!)
            .WithNetworkAliases(_primaryHost)
            .WithResourceMapping(Encoding.ASCII.GetBytes("printf '\\nhost replication all all scram-sha-256\\n' >> \"$PGDATA/pg_hba.conf\"\n"),
                "/docker-entrypoint-initdb.d/10-replication.sh")
            // Durable, and no commit is acknowledged before the standby has it. The command replaces the builder's own,
            // which turns fsync, synchronous_commit and full_page_writes off (docs/decisions/0023-a-durable-fixture-says-so.md).
            .WithCommand(new OverwriteEnumerable<string>(
                ["-c", "fsync=on", "-c", "synchronous_commit=on", "-c", "full_page_writes=on", "-c", "max_connections=200",
                    "-c", "wal_level=replica", "-c", "max_wal_senders=5", "-c", "synchronous_standby_names=*"]))
            .WithFixtureDefaults("postgres", ports)
            .WithCreateParameterModifier(parameters => parameters.StopSignal = "SIGINT")
            .Build();

    private DotNet.Testcontainers.Containers.IContainer BuildStandby(HostPorts ports) =>
        new PostgreSqlBuilder(ContainerImages.Current.Postgres)
            .WithUsername(Superuser)
            .WithPassword(_password)
            .WithDatabase("postgres")
            .WithHostname($"{_primaryHost}-standby")
            .WithNetwork(_network!)
            .WithEnvironment("PAYMENTS_PRIMARY", _primaryHost)
            // Cloned once from the primary (-R writes standby.signal and primary_conninfo), then the image's own start.
            // Without synchronous_standby_names: once promoted it has no standby to wait for.
            .WithEntrypoint("bash", "-c",
                "set -e; mkdir -p \"$PGDATA\"; chown postgres:postgres \"$PGDATA\"; chmod 700 \"$PGDATA\"; " +
                "if [ ! -s \"$PGDATA/PG_VERSION\" ]; then until setpriv --reuid=postgres --regid=postgres --init-groups env PGPASSWORD=\"$POSTGRES_PASSWORD\" " +
                "pg_basebackup -h \"$PAYMENTS_PRIMARY\" -U postgres -D \"$PGDATA\" -R -X stream; do rm -rf \"$PGDATA\"/*; sleep 1; done; fi; " +
                "exec docker-entrypoint.sh postgres -c max_connections=200 -c hot_standby=on")
            .WithFixtureDefaults("postgres", ports)
            .WithCreateParameterModifier(parameters => parameters.StopSignal = "SIGINT")
            .Build();

    private async Task<bool> AcceptsConnectionsAsync(HostPorts ports, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(Single(ports[ServerPort], "postgres"));
        await connection.OpenAsync(cancellationToken);
        return true;
    }

    private async Task<T> ScalarAsync<T>(int port, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(Single(port, "postgres"));
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private string Single(int port, string database) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1", Port = port, Username = Superuser, Password = _password, Database = database, Pooling = false, Timeout = 5,
        }.ConnectionString;

    private string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = $"127.0.0.1:{PrimaryPort.ToString(CultureInfo.InvariantCulture)},127.0.0.1:{StandbyPort.ToString(CultureInfo.InvariantCulture)}",
            Username = Superuser,
            Password = _password,
            Database = database,
            IncludeErrorDetail = true,
            TargetSessionAttributes = "primary",
        }.ConnectionString;
}
