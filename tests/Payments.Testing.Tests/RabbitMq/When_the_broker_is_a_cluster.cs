using System.Globalization;
using Payments.Testing.RabbitMq;

namespace Payments.Testing.Tests.RabbitMq;

/// <summary>Three nodes, one cluster: a quorum queue lives on all three and keeps its confirmed messages when its leader is killed.</summary>
public sealed class When_the_broker_is_a_cluster : IAsyncLifetime
{
    private readonly RabbitMqClusterFixture _cluster = new();

    public ValueTask InitializeAsync() => _cluster.InitializeAsync();

    public ValueTask DisposeAsync() => _cluster.DisposeAsync();

    [Fact]
    public async Task Should_replicate_a_quorum_queue_on_every_node_and_survive_its_leader_killed()
    {
        var ct = TestContext.Current.CancellationToken;
        var first = $"amqp://guest:guest@127.0.0.1:{_cluster.Ports[0].ToString(CultureInfo.InvariantCulture)}/";
        var queue = await QuorumQueue.DeclareAndPublishAsync(first, "kept", "m-1", ct);

        (await _cluster.MembersOfAsync(queue, ct)).Order().ShouldBe(_cluster.NodeNames.Order());
        var leader = await _cluster.LeaderOfAsync(queue, ct);
        await _cluster.KillAsync(leader, ct);

        (await Eventually.ValueAsync(() => _cluster.MessageCountAsync(queue, ct), n => n == 1, TimeSpan.FromSeconds(60), "the confirmed message on a new leader", ct)).ShouldBe(1u);
        (await _cluster.LeaderOfAsync(queue, ct)).ShouldNotBe(leader);
        await _cluster.StartAsync(leader, ct);
        await _cluster.WaitForMembersAsync(RabbitMqClusterFixture.Size, ct);
    }
}
