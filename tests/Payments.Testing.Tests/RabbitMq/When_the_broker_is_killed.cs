using Payments.Testing.RabbitMq;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Payments.Testing.Tests.RabbitMq;

// A broker of its own: after a SIGKILL, quorum queues of the shared broker could stall the tests that follow.
public sealed class When_the_broker_is_killed(RabbitMqFixture broker) : IClassFixture<RabbitMqFixture>
{
    [Fact]
    public async Task Should_drop_connections_at_once_and_accept_them_again_on_its_port_once_started()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var factory = new ConnectionFactory { Uri = new Uri(broker.AmqpUri), AutomaticRecoveryEnabled = false };
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
        var port = broker.Port;

        await broker.KillAsync(cancellationToken);

        await Eventually.TrueAsync(() => !connection.IsOpen, because: "the client to see its connection die", cancellationToken: cancellationToken);
        await Should.ThrowAsync<BrokerUnreachableException>(() => factory.CreateConnectionAsync(cancellationToken));
        await broker.StartAsync(cancellationToken);
        broker.Port.ShouldBe(port);
        await using var again = await factory.CreateConnectionAsync(cancellationToken);
        again.IsOpen.ShouldBeTrue();
    }
}
