using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Payments.Testing.Hosting;
using RabbitMQ.Client;
using Xunit;

namespace Payments.Testing.RabbitMq;

/// <summary>
/// A throwaway RabbitMQ 3.10 node run as a local process with its own node name, ports and data directory,
/// so several can run side by side, in one test process or many. Use it as a collection or assembly fixture.
/// </summary>
/// <remarks>
/// Not sealed: xunit creates a fixture through its one public constructor, so a test project that wants
/// options derives a fixture that passes them, e.g.
/// <c>public sealed class ManagedBroker() : RabbitMqFixture(new RabbitMqOptions { EnableManagement = true });</c>
/// </remarks>
public class RabbitMqFixture : IAsyncLifetime
{
    private const string Bin = "/usr/lib/rabbitmq/bin/";
    private const string ServerName = "rabbitmq";

    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    private readonly RabbitMqOptions _options;
    private FixtureDirectory? _directory;
    private ServerProcess? _server;
    private int _distributionPort;

    public RabbitMqFixture()
        : this(new RabbitMqOptions())
    {
    }

    protected RabbitMqFixture(RabbitMqOptions options) => _options = options;

    /// <summary>Erlang node name, for rabbitmqctl -n.</summary>
    public string NodeName { get; } = $"pt-{Guid.NewGuid().ToString("N")[..12]}@localhost";

    public int Port { get; private set; }

    public string AmqpUri => $"amqp://guest:guest@127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/";

    /// <summary>Port of the management HTTP API, when <see cref="RabbitMqOptions.EnableManagement"/> is set.</summary>
    public int? ManagementPort { get; private set; }

    internal string DirectoryPath => (_directory ?? throw new InvalidOperationException("InitializeAsync has not run.")).Path;

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        _directory = await FixtureDirectory.CreateAsync("rabbitmq", cancellationToken);
        WriteCookie();
        await StartupRetry.OnPortConflictAsync(async () =>
        {
            Port = FreePorts.Next();
            _distributionPort = FreePorts.Next();
            ManagementPort = _options.EnableManagement ? FreePorts.Next() : null;
            WriteConfiguration();
            await LaunchAsync(cancellationToken);
        });
    }

    /// <summary>Starts the broker again after <see cref="StopAsync"/>, on the same port and with the same data.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_server is not null)
            throw new InvalidOperationException("The broker is already running.");
        await LaunchAsync(cancellationToken);
    }

    /// <summary>
    /// Stops the broker to simulate an outage: cleanly when it can, killed when a clean stop is slower than its bound
    /// (durable queues and confirmed persistent messages survive either way).
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        using var server = _server ?? throw new InvalidOperationException("The broker is not running.");
        _server = null;
        try
        {
            var stop = await RabbitMqCtlAsync(["stop"], StopTimeout, cancellationToken);
            if (stop.Succeeded)
                await server.WaitForExitAsync(StopTimeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            // On a loaded machine a clean stop can outlast the bound. Killing it is still an outage, and quorum queues
            // keep every message they confirmed across a kill; failing the test here would test the machine instead.
        }

        await server.KillAsync();
    }

    /// <summary>Number of ready messages in <paramref name="queue"/>; throws if the queue does not exist.</summary>
    public Task<uint> MessageCountAsync(string queue, CancellationToken cancellationToken = default) =>
        WithChannelAsync(async (channel, token) => (await channel.QueueDeclarePassiveAsync(queue, token)).MessageCount, cancellationToken);

    /// <summary>Takes one message off <paramref name="queue"/> and acknowledges it; null when the queue is empty.</summary>
    public Task<ReceivedMessage?> GetAsync(string queue, CancellationToken cancellationToken = default) =>
        WithChannelAsync(
            async (channel, token) =>
                await channel.BasicGetAsync(queue, autoAck: true, token) is { } result
                    ? new ReceivedMessage(result.Body.ToArray(), result.BasicProperties, result.Exchange, result.RoutingKey, result.Redelivered)
                    : null,
            cancellationToken);

    public Task PurgeAsync(string queue, CancellationToken cancellationToken = default) =>
        WithChannelAsync((channel, token) => channel.QueuePurgeAsync(queue, token), cancellationToken);

    public Task DeleteQueueAsync(string queue, CancellationToken cancellationToken = default) =>
        WithChannelAsync((channel, token) => channel.QueueDeleteAsync(queue, ifUnused: false, ifEmpty: false, cancellationToken: token), cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            // The data is thrown away, so there is no point in a clean stop.
            await _server.KillAsync();
            _server.Dispose();
            _server = null;
        }

        _directory?.Dispose();
    }

    private async Task LaunchAsync(CancellationToken cancellationToken)
    {
        var server = ServerProcess.Start(_directory!, ServerName, Bin + "rabbitmq-server", [], ServerEnvironment());
        try
        {
            // The AMQP listener opens near the end of the boot. Polling it is cheap, whereas each rabbitmqctl
            // call boots an Erlang VM, so await_startup runs once, to confirm the boot completed.
            await server.WaitUntilReadyAsync(AcceptsConnectionsAsync, _options.StartupTimeout, cancellationToken);
            var seconds = ((int)_options.StartupTimeout.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            var ready = await RabbitMqCtlAsync(["await_startup", "--timeout", seconds], _options.StartupTimeout, cancellationToken);
            if (!ready.Succeeded)
                throw new FixtureServerException("rabbitmqctl await_startup failed.", ready.Output + server.ReadLog());
        }
        catch
        {
            await server.KillAsync();
            server.Dispose();
            throw;
        }

        _server = server;
    }

    private async Task<bool> AcceptsConnectionsAsync(CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, Port, cancellationToken);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private Task<CommandResult> RabbitMqCtlAsync(string[] arguments, TimeSpan timeout, CancellationToken cancellationToken) =>
        Command.RunAsync(Bin + "rabbitmqctl", ["-n", NodeName, .. arguments], timeout, cancellationToken, ServerEnvironment());

    private async Task<T> WithChannelAsync<T>(Func<IChannel, CancellationToken, Task<T>> action, CancellationToken cancellationToken)
    {
        // A connection per call: helpers keep working across StopAsync/StartAsync without recovery logic.
        var factory = new ConnectionFactory
        {
            Uri = new Uri(AmqpUri),
            AutomaticRecoveryEnabled = false,
            ClientProvidedName = "Payments.Testing fixture helper",
        };
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        return await action(channel, cancellationToken);
    }

    private void WriteCookie()
    {
        // Written up front so the server and rabbitmqctl agree on it; a CLI call racing the server's first
        // boot could otherwise create a different one. Erlang insists the file be private to its owner.
        var cookie = Path.Combine(DirectoryPath, ".erlang.cookie");
        File.WriteAllText(cookie, RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZ", 20));
        File.SetUnixFileMode(cookie, UnixFileMode.UserRead);
    }

    private void WriteConfiguration()
    {
        var configuration = $"""
            loopback_users = none
            listeners.tcp.default = 127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}

            """;
        if (ManagementPort is int managementPort)
        {
            configuration += $"""
                management.tcp.ip = 127.0.0.1
                management.tcp.port = {managementPort.ToString(CultureInfo.InvariantCulture)}

                """;
        }

        File.WriteAllText(Path.Combine(DirectoryPath, "rabbitmq.conf"), configuration);
        File.WriteAllText(Path.Combine(DirectoryPath, "enabled_plugins"), ManagementPort is null ? "[].\n" : "[rabbitmq_management].\n");
    }

    private Dictionary<string, string> ServerEnvironment()
    {
        var home = DirectoryPath;
        return new Dictionary<string, string>
        {
            ["RABBITMQ_NODENAME"] = NodeName,
            ["RABBITMQ_DIST_PORT"] = _distributionPort.ToString(CultureInfo.InvariantCulture),
            // Keep the Erlang distribution port off the network, like the AMQP listener.
            ["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "-kernel inet_dist_use_interface {127,0,0,1}",
            ["RABBITMQ_CONFIG_FILE"] = Path.Combine(home, "rabbitmq"),
            ["RABBITMQ_ADVANCED_CONFIG_FILE"] = Path.Combine(home, "advanced.config"),
            // Never pick up the machine's /etc/rabbitmq/rabbitmq-env.conf.
            ["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(home, "rabbitmq-env.conf"),
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(home, "enabled_plugins"),
            ["RABBITMQ_FEATURE_FLAGS_FILE"] = Path.Combine(home, "feature_flags"),
            ["RABBITMQ_PLUGINS_EXPAND_DIR"] = Path.Combine(home, "plugins-expand"),
            ["RABBITMQ_MNESIA_BASE"] = Path.Combine(home, "mnesia"),
            ["RABBITMQ_LOG_BASE"] = Path.Combine(home, "log"),
            // Log to stdout only, which is the server's log file, so a failed start shows the whole story.
            ["RABBITMQ_LOGS"] = "-",
            // Erlang reads its cookie from $HOME, in the server and in rabbitmqctl alike.
            ["HOME"] = home,
        };
    }
}
