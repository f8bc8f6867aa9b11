using System.Globalization;
using System.Text;
using Payments.Testing.Containers;
using RabbitMQ.Client;
using Testcontainers.RabbitMq;
using Xunit;

namespace Payments.Testing.RabbitMq;

/// <summary>
/// A throwaway RabbitMQ node in a container (Testcontainers' RabbitMq module; image from
/// <see cref="ContainerImages"/>), published on 127.0.0.1 at ports that stay the same across a restart.
/// Use it as a collection or assembly fixture.
/// </summary>
/// <remarks>
/// Not sealed: xunit creates a fixture through its one public constructor, so a test project that wants
/// options derives a fixture that passes them, e.g.
/// <c>public sealed class ManagedBroker() : RabbitMqFixture(new RabbitMqOptions { EnableManagement = true });</c>
/// </remarks>
public class RabbitMqFixture : IAsyncLifetime
{
    private const int AmqpPort = 5672;
    private const int ManagementApiPort = 15672;
    private const string User = "guest";

    private readonly RabbitMqOptions _options;
    private readonly string _hostname = $"pt-{Guid.NewGuid().ToString("N")[..12]}";
    private FixtureContainer? _container;

    public RabbitMqFixture()
        : this(new RabbitMqOptions())
    {
    }

    protected RabbitMqFixture(RabbitMqOptions options) => _options = options;

    /// <summary>Erlang node name (rabbit@ its container's hostname), as the management API reports it.</summary>
    public string NodeName => $"rabbit@{_hostname}";

    public int Port { get; private set; }

    public string AmqpUri => $"amqp://{User}:{User}@127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/";

    /// <summary>Port of the management HTTP API, when <see cref="RabbitMqOptions.EnableManagement"/> is set.</summary>
    public int? ManagementPort { get; private set; }

    /// <summary>Docker's id of the broker's container.</summary>
    public string ContainerId => Container.Id;

    private FixtureContainer Container => _container ?? throw new InvalidOperationException("InitializeAsync has not run.");

    public async ValueTask InitializeAsync()
    {
        int[] ports = _options.EnableManagement ? [AmqpPort, ManagementApiPort] : [AmqpPort];
        _container = await FixtureContainer.StartAsync(ports, Build, AcceptsConnectionsAsync, _options.StartupTimeout, TestContext.Current.CancellationToken);
        Port = _container.Ports[AmqpPort];
        ManagementPort = _options.EnableManagement ? _container.Ports[ManagementApiPort] : null;
    }

    /// <summary>Starts the broker again after <see cref="StopAsync"/> or <see cref="KillAsync"/>, on the same port and with the same data.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default) => Container.StartAsync(cancellationToken);

    /// <summary>
    /// Stops the broker to simulate an outage: cleanly (docker stop), killed when a clean stop outlasts Docker's
    /// bound (durable queues and confirmed persistent messages survive either way).
    /// </summary>
    public Task StopAsync(CancellationToken cancellationToken = default) => Container.StopAsync(cancellationToken);

    /// <summary>Kills the broker with SIGKILL: no clean shutdown at all. <see cref="StartAsync"/> brings it back.</summary>
    public Task KillAsync(CancellationToken cancellationToken = default) => Container.KillAsync(cancellationToken);

    /// <summary>
    /// Freezes the broker (docker pause): connections stay open and nothing is refused, blocked or closed, but nothing is
    /// answered either, so a publish waits for a confirm that does not come. <see cref="ResumeAsync"/> thaws it.
    /// </summary>
    public Task FreezeAsync(CancellationToken cancellationToken = default) => Container.PauseAsync(cancellationToken);

    /// <summary>Thaws the broker after <see cref="FreezeAsync"/>; what clients sent meanwhile is then processed.</summary>
    public Task ResumeAsync(CancellationToken cancellationToken = default) => Container.UnpauseAsync(cancellationToken);

    /// <summary>
    /// Raises the memory alarm (vm_memory_high_watermark 0): the broker blocks every publishing connection and
    /// confirms nothing, while it stays up and answers everything else (https://www.rabbitmq.com/docs/memory).
    /// </summary>
    public Task BlockPublishersAsync(CancellationToken cancellationToken = default) =>
        Container.ExecAsync(["rabbitmqctl", "set_vm_memory_high_watermark", "0"], cancellationToken);

    /// <summary>Clears the alarm of <see cref="BlockPublishersAsync"/> (the default watermark, 0.4).</summary>
    public Task UnblockPublishersAsync(CancellationToken cancellationToken = default) =>
        Container.ExecAsync(["rabbitmqctl", "set_vm_memory_high_watermark", "0.4"], cancellationToken);

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
        if (_container is not null)
            await _container.DisposeAsync();
    }

    private DotNet.Testcontainers.Containers.IContainer Build(HostPorts ports)
    {
        var builder = new RabbitMqBuilder(ContainerImages.Current.RabbitMq)
            .WithUsername(User)
            .WithPassword(User)
            // The node name, and with it the name of its data directory, derives from the hostname: fixed, so
            // a restarted container finds its queues.
            .WithHostname(_hostname)
            .WithFixtureDefaults("rabbitmq", ports);
        // The management image enables the plugin; without it the node boots faster and serves AMQP alone.
        if (!_options.EnableManagement)
            builder = builder.WithResourceMapping(Encoding.ASCII.GetBytes("[].\n"), "/etc/rabbitmq/enabled_plugins");
        return builder.Build();
    }

    private async Task<bool> AcceptsConnectionsAsync(HostPorts ports, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory
        {
            Uri = new Uri($"amqp://{User}:{User}@127.0.0.1:{ports[AmqpPort].ToString(CultureInfo.InvariantCulture)}/"),
            AutomaticRecoveryEnabled = false,
            ClientProvidedName = "Payments.Testing readiness probe",
        };
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
        return connection.IsOpen;
    }

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
}
