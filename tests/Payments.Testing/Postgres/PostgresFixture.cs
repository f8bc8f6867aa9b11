using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;
using Payments.Testing.Hosting;
using Xunit;

namespace Payments.Testing.Postgres;

/// <summary>
/// A throwaway PostgreSQL 15 server run as a local process on its own port and data directory, tuned for
/// speed over durability (fsync off). Use it as a collection or assembly fixture and give each test class
/// or test its own database with <see cref="CreateDatabaseAsync"/>.
/// </summary>
public sealed partial class PostgresFixture : IAsyncLifetime
{
    private const string Bin = "/usr/lib/postgresql/15/bin/";
    private const string ServerName = "postgres";
    private const string ServerUser = "postgres";

    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    private FixtureDirectory? _directory;
    private int? _postmasterPid;
    private int _starts;

    public int Port { get; private set; }

    /// <summary>Connection string to the <c>postgres</c> database, as the <c>postgres</c> superuser.</summary>
    public string ConnectionString => ConnectionStringFor("postgres");

    internal string DirectoryPath => (_directory ?? throw new InvalidOperationException("InitializeAsync has not run.")).Path;

    // Owned by the server user, as PostgreSQL requires; also holds the Unix socket and the logs.
    private string ServerDirectory => Path.Combine(DirectoryPath, "pg");

    private string DataDirectory => Path.Combine(ServerDirectory, "data");

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        _directory = await FixtureDirectory.CreateAsync("postgres", cancellationToken);
        await CreateServerDirectoryAsync(cancellationToken);
        (await RunAsServerUserAsync(
            Bin + "initdb",
            ["-D", DataDirectory, "-U", ServerUser, "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync", "--no-instructions"],
            cancellationToken)).EnsureSuccess();
        File.AppendAllText(Path.Combine(DataDirectory, "postgresql.conf"), "include = 'fixture.conf'\n");
        await StartupRetry.OnPortConflictAsync(async () =>
        {
            Port = FreePorts.Next();
            WriteConfiguration();
            await LaunchAsync(cancellationToken);
        });
    }

    /// <summary>
    /// Creates an empty database with a unique name (<paramref name="prefix"/> plus a random suffix) and returns
    /// a connection string to it, so tests sharing this server do not see each other's data.
    /// </summary>
    public async Task<string> CreateDatabaseAsync(string? prefix = null, CancellationToken cancellationToken = default)
    {
        var name = $"{Sanitize(prefix ?? "test")}_{Guid.NewGuid():N}";
        // No pooling for the fixture's own connection: pooled ones would break across StopAsync/StartAsync.
        var admin = new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString;
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync(cancellationToken);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        return ConnectionStringFor(name);
    }

    /// <summary>Starts the server again after <see cref="StopAsync"/>, on the same port and with the same data.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default) =>
        _postmasterPid is null
            ? LaunchAsync(cancellationToken)
            : throw new InvalidOperationException("The server is already running.");

    /// <summary>
    /// Stops the server (fast shutdown: open sessions are disconnected) to simulate an outage. Pooled
    /// connections opened before are broken afterwards, as they would be after a real outage.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (_postmasterPid is null)
            throw new InvalidOperationException("The server is not running.");
        (await PgCtlAsync(["stop", "-m", "fast"], cancellationToken)).EnsureSuccess();
        StopTracking();
    }

    public async ValueTask DisposeAsync()
    {
        if (_postmasterPid is int pid)
        {
            // The data is thrown away: an immediate shutdown is enough and still releases shared memory.
            var stop = await PgCtlAsync(["stop", "-m", "immediate"], CancellationToken.None);
            if (!stop.Succeeded)
                KillPostmaster(pid);
            StopTracking();
        }

        _directory?.Dispose();
    }

    private static void KillPostmaster(int pid)
    {
        try
        {
            // Its children notice the postmaster is gone and exit on their own.
            using var postmaster = System.Diagnostics.Process.GetProcessById(pid);
            postmaster.Kill();
        }
        catch (ArgumentException)
        {
            // Already gone.
        }
    }

    private static string Sanitize(string prefix)
    {
        var cleaned = NotIdentifierCharacters().Replace(prefix.ToLowerInvariant(), "_");
        // PostgreSQL truncates identifiers at 63 bytes; the suffix takes 33.
        return cleaned.Length > 30 ? cleaned[..30] : cleaned;
    }

    [GeneratedRegex("[^a-z0-9_]")]
    private static partial Regex NotIdentifierCharacters();

    private string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = ServerUser,
            Database = database,
            IncludeErrorDetail = true,
        }.ConnectionString;

    private async Task LaunchAsync(CancellationToken cancellationToken)
    {
        // A new log per start, so a failure (such as a port conflict) is judged on that start's output alone.
        _starts++;
        var log = Path.Combine(ServerDirectory, $"postgres-{_starts.ToString(CultureInfo.InvariantCulture)}.log");
        var start = await PgCtlAsync(["start", "-l", log], cancellationToken);
        if (!start.Succeeded)
            throw new FixtureServerException("pg_ctl start failed.", start.Output + (File.Exists(log) ? File.ReadAllText(log) : ""));

        // pg_ctl has daemonized the postmaster, which leads its own process group; its pid is on the first
        // line of postmaster.pid. The reaper needs it in case this process dies.
        var pid = int.Parse(File.ReadLines(Path.Combine(DataDirectory, "postmaster.pid")).First(), CultureInfo.InvariantCulture);
        _directory!.Track(ServerName, pid);
        _postmasterPid = pid;
    }

    private void StopTracking()
    {
        _directory!.Untrack(ServerName);
        _postmasterPid = null;
    }

    private Task<CommandResult> PgCtlAsync(string[] arguments, CancellationToken cancellationToken) =>
        RunAsServerUserAsync(
            Bin + "pg_ctl",
            ["-D", DataDirectory, "-w", "-t", ((int)CommandTimeout.TotalSeconds).ToString(CultureInfo.InvariantCulture), .. arguments],
            cancellationToken);

    private void WriteConfiguration()
    {
        var configuration = Path.Combine(DataDirectory, "fixture.conf");
        File.WriteAllText(configuration, $"""
            port = {Port.ToString(CultureInfo.InvariantCulture)}
            listen_addresses = '127.0.0.1'
            unix_socket_directories = '{ServerDirectory}'
            max_connections = 200
            # Throwaway data: trade durability for speed.
            fsync = off
            synchronous_commit = off
            full_page_writes = off

            """);
        // As root this file is root's, in a directory of the server user: make sure that user can read it.
        File.SetUnixFileMode(configuration, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
    }

    private async Task CreateServerDirectoryAsync(CancellationToken cancellationToken)
    {
        if (Environment.IsPrivilegedProcess)
        {
            (await Command.RunAsync("/usr/bin/install", ["-d", "-m", "0700", "-o", ServerUser, ServerDirectory], CommandTimeout, cancellationToken))
                .EnsureSuccess();
            return;
        }

        Directory.CreateDirectory(ServerDirectory);
        File.SetUnixFileMode(ServerDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    // PostgreSQL refuses to run as root, so as root its commands run as the postgres user.
    private static Task<CommandResult> RunAsServerUserAsync(string program, string[] arguments, CancellationToken cancellationToken) =>
        Environment.IsPrivilegedProcess
            ? Command.RunAsync("/usr/sbin/runuser", ["-u", ServerUser, "--", program, .. arguments], CommandTimeout, cancellationToken)
            : Command.RunAsync(program, arguments, CommandTimeout, cancellationToken);
}
