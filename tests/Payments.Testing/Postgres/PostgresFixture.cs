using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Npgsql;
using Payments.Testing.Containers;
using DotNet.Testcontainers.Configurations;
using Testcontainers.PostgreSql;
using Xunit;

namespace Payments.Testing.Postgres;

/// <summary>
/// A throwaway PostgreSQL 15 server in a container (Testcontainers' PostgreSql module; image from
/// <see cref="ContainerImages"/>), published on 127.0.0.1 at a port that stays the same across a restart,
/// tuned for speed over durability (fsync off). Use it as a collection or assembly fixture and give each
/// test class or test its own database with <see cref="CreateDatabaseAsync"/>.
/// </summary>
public sealed partial class PostgresFixture : IAsyncLifetime
{
    private const int ServerPort = 5432;
    private const string Superuser = "postgres";

    // Fresh for every fixture, handed to the image through POSTGRES_PASSWORD.
    private readonly string _password = RandomNumberGenerator.GetHexString(24, lowercase: true);
    private FixtureContainer? _container;

    /// <summary>
    /// Keeps PostgreSQL's durability settings (fsync, synchronous_commit, full_page_writes on, as in production) for a
    /// test that crashes the server and counts what survived; off by default, trading durability for speed.
    /// </summary>
    public bool Durable { get; init; }

    /// <summary>The server's max_connections: a test that exhausts them sets it small, so holding them all is cheap.</summary>
    public int MaxConnections { get; init; } = 500;

    public int Port { get; private set; }

    /// <summary>Connection string to the <c>postgres</c> database, as the <c>postgres</c> superuser.</summary>
    public string ConnectionString => ConnectionStringFor("postgres");

    /// <summary>Docker's id of the server's container.</summary>
    public string ContainerId => Container.Id;

    private FixtureContainer Container => _container ?? throw new InvalidOperationException("InitializeAsync has not run.");

    /// <summary>Bound on each start, readiness included.</summary>
    private static TimeSpan StartupTimeout => TimeSpan.FromSeconds(60);

    public async ValueTask InitializeAsync()
    {
        _container = await FixtureContainer.StartAsync([ServerPort], Build, AcceptsConnectionsAsync, StartupTimeout, TestContext.Current.CancellationToken);
        Port = _container.Ports[ServerPort];
    }

    /// <summary>
    /// Creates an empty database with a unique name (<paramref name="prefix"/> plus a random suffix) and returns
    /// a connection string to it, so tests sharing this server do not see each other's data.
    /// </summary>
    public async Task<string> CreateDatabaseAsync(string? prefix = null, CancellationToken cancellationToken = default)
    {
        var name = $"{Sanitize(prefix ?? "test")}_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(Unpooled(ConnectionString)))
        {
            await connection.OpenAsync(cancellationToken);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        return ConnectionStringFor(name);
    }

    /// <summary>Starts the server again after <see cref="StopAsync"/> or <see cref="KillAsync"/>, on the same port and with the same data.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default) => Container.StartAsync(cancellationToken);

    /// <summary>
    /// Stops the server (fast shutdown: open sessions are disconnected; killed past Docker's stop bound) to
    /// simulate an outage. Pooled connections opened before are broken afterwards, as after a real outage.
    /// </summary>
    public Task StopAsync(CancellationToken cancellationToken = default) => Container.StopAsync(cancellationToken);

    /// <summary>
    /// Kills the server with SIGKILL; it recovers from its WAL on <see cref="StartAsync"/>. With synchronous_commit
    /// off, commits of the last moment (up to three WAL writer delays, 600 ms) may be lost; <see cref="Durable"/> loses none.
    /// </summary>
    public Task KillAsync(CancellationToken cancellationToken = default) => Container.KillAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_container is not null)
            await _container.DisposeAsync();
    }

    private string Setting => Durable ? "on" : "off";

    private DotNet.Testcontainers.Containers.IContainer Build(HostPorts ports) =>
        new PostgreSqlBuilder(ContainerImages.Current.Postgres)
            .WithUsername(Superuser)
            .WithPassword(_password)
            .WithDatabase("postgres")
            // Throwaway data: trade durability for speed, as `postgres -c key=value` options, unless Durable. The
            // command replaces the builder's own, which already turns all three off: appended to it, a Durable server
            // would still acknowledge commits before their WAL is written (docs/decisions/0023-a-durable-fixture-says-so.md).
            .WithCommand(new OverwriteEnumerable<string>(
                ["-c", $"fsync={Setting}", "-c", $"synchronous_commit={Setting}", "-c", $"full_page_writes={Setting}", "-c", $"max_connections={MaxConnections}"]))
            .WithFixtureDefaults("postgres", ports)
            // SIGINT is PostgreSQL's fast shutdown, as the official image declares; SIGTERM (smart) would wait
            // for the services' pooled connections to close, until Docker's bound ran out and killed it.
            .WithCreateParameterModifier(parameters => parameters.StopSignal = "SIGINT")
            .Build();

    private async Task<bool> AcceptsConnectionsAsync(HostPorts ports, CancellationToken cancellationToken)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(ConnectionStringFor("postgres", ports[ServerPort])) { Pooling = false, Timeout = 5 };
        await using var connection = new NpgsqlConnection(connectionString.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return true;
    }

    // No pooling for the fixture's own connections: pooled ones would break across StopAsync/StartAsync.
    private static string Unpooled(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;

    private static string Sanitize(string prefix)
    {
        var cleaned = NotIdentifierCharacters().Replace(prefix.ToLowerInvariant(), "_");
        // PostgreSQL truncates identifiers at 63 bytes; the suffix takes 33.
        return cleaned.Length > 30 ? cleaned[..30] : cleaned;
    }

    [GeneratedRegex("[^a-z0-9_]")]
    private static partial Regex NotIdentifierCharacters();

    private string ConnectionStringFor(string database) => ConnectionStringFor(database, Port);

    private string ConnectionStringFor(string database, int port) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = Superuser,
            Password = _password,
            Database = database,
            IncludeErrorDetail = true,
        }.ConnectionString;
}
