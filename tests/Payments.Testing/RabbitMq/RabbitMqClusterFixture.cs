using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Networks;
using Payments.Testing.Containers;
using Payments.Testing.Hosting;
using RabbitMQ.Client;
using Testcontainers.RabbitMq;
using Xunit;

namespace Payments.Testing.RabbitMq;

/// <summary>
/// Three RabbitMQ nodes in one cluster (https://www.rabbitmq.com/docs/clustering): containers on a network of their own,
/// sharing an Erlang cookie, the second and third joined to the first with <c>rabbitmqctl join_cluster</c>. Each node is
/// published on 127.0.0.1 at ports that survive a restart, so a killed node comes back as the same member with its data.
/// Partition handling is pause_minority with a short net_ticktime, so a node cut off from the other two stops serving
/// within seconds and rejoins once healed. Quorum queues declared on it get a replica on every node.
/// </summary>
public sealed class RabbitMqClusterFixture : IAsyncLifetime
{
    public const int Size = 3;
    private const int AmqpPort = 5672;
    private const string User = "guest";

    private static readonly string ClusterConfig = string.Join('\n',
        "cluster_partition_handling = pause_minority",
        "net_ticktime = 10",
        "");

    private readonly string _cookie = RandomNumberGenerator.GetHexString(32);
    private readonly string _prefix = $"pt-{Guid.NewGuid().ToString("N")[..8]}";
    private readonly FixtureContainer?[] _nodes = new FixtureContainer?[Size];
    private INetwork? _network;

    /// <summary>Erlang node names, rabbit@ each container's hostname.</summary>
    public IReadOnlyList<string> NodeNames => [.. Enumerable.Range(0, Size).Select(i => $"rabbit@{Hostname(i)}")];

    public IReadOnlyList<int> Ports => [.. _nodes.Select(n => Node(n).Ports[AmqpPort])];

    /// <summary>ConnectionStrings:RabbitMq naming every node: amqp://guest:guest@127.0.0.1:p1,127.0.0.1:p2,127.0.0.1:p3/</summary>
    public string AmqpUri => $"amqp://{User}:{User}@{string.Join(',', Ports.Select(p => $"127.0.0.1:{p.ToString(CultureInfo.InvariantCulture)}"))}/";

    /// <summary>The Docker network the nodes talk over (cut one off with <see cref="DisconnectAsync"/>).</summary>
    public string NetworkName => _network?.Name ?? throw new InvalidOperationException("InitializeAsync has not run.");

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _network = new NetworkBuilder().WithName($"payments-fixture-rabbitmq-{_prefix}").WithLabel(FixtureOwner.Current.Labels).Build();
        await _network.CreateAsync(ct);
        for (var i = 0; i < Size; i++)
        {
            var index = i;
            _nodes[i] = await FixtureContainer.StartAsync([AmqpPort], ports => Build(index, ports), AcceptsConnectionsAsync, TimeSpan.FromSeconds(120), ct);
            if (i > 0)
                await JoinAsync(index, ct);
        }

        await WaitForMembersAsync(Size, ct);
    }

    /// <summary>kill -9 of node <paramref name="index"/>: no clean shutdown; <see cref="StartAsync"/> brings it back as the same member.</summary>
    public Task KillAsync(int index, CancellationToken cancellationToken = default) => Node(_nodes[index]).KillAsync(cancellationToken);

    public Task StartAsync(int index, CancellationToken cancellationToken = default) => Node(_nodes[index]).StartAsync(cancellationToken);

    /// <summary>Cuts node <paramref name="index"/> off the cluster network (docker network disconnect): from the other nodes and from clients.</summary>
    public Task DisconnectAsync(int index, CancellationToken cancellationToken = default) =>
        DockerCliAsync(["network", "disconnect", NetworkName, Node(_nodes[index]).Id], cancellationToken);

    /// <summary>Heals <see cref="DisconnectAsync"/>: the node rejoins the network under its hostname.</summary>
    public Task ConnectAsync(int index, CancellationToken cancellationToken = default) =>
        DockerCliAsync(["network", "connect", "--alias", Hostname(index), NetworkName, Node(_nodes[index]).Id], cancellationToken);

    /// <summary>Index of the node that leads quorum queue <paramref name="queue"/>, asked of a running node.</summary>
    public async Task<int> LeaderOfAsync(string queue, CancellationToken cancellationToken = default)
    {
        var output = await AnyRunning().ExecOutputAsync(["rabbitmqctl", "list_queues", "name", "leader", "--formatter", "json", "-q"], cancellationToken);
        using var json = JsonDocument.Parse(output);
        var leader = json.RootElement.EnumerateArray().Single(q => q.GetProperty("name").GetString() == queue).GetProperty("leader").GetString();
        var index = NodeNames.ToList().IndexOf(leader ?? "");
        return index >= 0 ? index : throw new InvalidOperationException($"Queue {queue} has leader '{leader}', not a node of this cluster.");
    }

    /// <summary>Members (replicas) of quorum queue <paramref name="queue"/>.</summary>
    public async Task<IReadOnlyList<string>> MembersOfAsync(string queue, CancellationToken cancellationToken = default)
    {
        var output = await AnyRunning().ExecOutputAsync(["rabbitmqctl", "list_queues", "name", "members", "--formatter", "json", "-q"], cancellationToken);
        using var json = JsonDocument.Parse(output);
        return [.. json.RootElement.EnumerateArray().Single(q => q.GetProperty("name").GetString() == queue).GetProperty("members").EnumerateArray().Select(m => m.GetString()!)];
    }

    /// <summary>Waits until every node reports <paramref name="count"/> running members (after a restart or a heal).</summary>
    public Task WaitForMembersAsync(int count, CancellationToken cancellationToken = default) =>
        Eventually.TrueAsync(async () =>
        {
            foreach (var node in _nodes.Where(n => n is { IsRunning: true }))
            {
                var status = await node!.ExecOutputAsync(["rabbitmqctl", "cluster_status", "--formatter", "json", "-q"], cancellationToken);
                using var json = JsonDocument.Parse(status);
                if (json.RootElement.GetProperty("running_nodes").GetArrayLength() != count)
                    return false;
            }

            return true;
        }, TimeSpan.FromMinutes(2), $"{count} running cluster members", cancellationToken);

    /// <summary>Ready messages in <paramref name="queue"/>, asked of the first node that answers.</summary>
    public async Task<uint> MessageCountAsync(string queue, CancellationToken cancellationToken = default)
    {
        var factory = new ConnectionFactory { UserName = User, Password = User, AutomaticRecoveryEnabled = false, ClientProvidedName = "Payments.Testing fixture helper" };
        await using var connection = await factory.CreateConnectionAsync([.. Ports.Select(p => new AmqpTcpEndpoint("127.0.0.1", p))], cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        return (await channel.QueueDeclarePassiveAsync(queue, cancellationToken)).MessageCount;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            if (node is not null)
                await node.DisposeAsync();
        }

        if (_network is not null)
            await _network.DisposeAsync();
    }

    private string Hostname(int index) => $"{_prefix}-{index + 1}";

    private FixtureContainer AnyRunning() => _nodes.FirstOrDefault(n => n is { IsRunning: true }) ?? throw new InvalidOperationException("No node is running.");

    private static FixtureContainer Node(FixtureContainer? node) => node ?? throw new InvalidOperationException("InitializeAsync has not run.");

    private async Task JoinAsync(int index, CancellationToken cancellationToken)
    {
        var node = Node(_nodes[index]);
        await node.ExecAsync(["rabbitmqctl", "stop_app"], cancellationToken);
        await node.ExecAsync(["rabbitmqctl", "join_cluster", NodeNames[0]], cancellationToken);
        await node.ExecAsync(["rabbitmqctl", "start_app"], cancellationToken);
        await node.ExecAsync(["rabbitmqctl", "await_startup"], cancellationToken);
    }

    private DotNet.Testcontainers.Containers.IContainer Build(int index, HostPorts ports) =>
        new RabbitMqBuilder(ContainerImages.Current.RabbitMq)
            .WithUsername(User)
            .WithPassword(User)
            .WithHostname(Hostname(index))
            .WithNetwork(_network!)
            .WithNetworkAliases(Hostname(index))
            // The shared cookie lets the nodes (and rabbitmqctl inside each) talk; written once, by the rabbitmq user,
            // into the data directory, which survives a restart.
            .WithEnvironment("PAYMENTS_ERLANG_COOKIE", _cookie)
            .WithEntrypoint("bash", "-c",
                "c=/var/lib/rabbitmq/.erlang.cookie; [ -f $c ] || { printf %s \"$PAYMENTS_ERLANG_COOKIE\" > $c; chmod 400 $c; }; exec docker-entrypoint.sh rabbitmq-server")
            .WithResourceMapping(Encoding.ASCII.GetBytes("[].\n"), "/etc/rabbitmq/enabled_plugins")
            .WithResourceMapping(Encoding.ASCII.GetBytes(ClusterConfig), "/etc/rabbitmq/conf.d/20-cluster.conf")
            .WithFixtureDefaults("rabbitmq", ports)
            .Build();

    private static async Task<bool> AcceptsConnectionsAsync(HostPorts ports, CancellationToken cancellationToken)
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

    private static async Task DockerCliAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        (await Command.RunAsync("docker", arguments, TimeSpan.FromSeconds(30), cancellationToken)).EnsureSuccess();
}
