using Payments.Testing.Postgres;
using Payments.Testing.RabbitMq;
using Xunit;

namespace Payments.Testing.Messaging;

/// <summary>
/// One RabbitMQ and one PostgreSQL server, started together, for a collection whose tests each take their own database
/// and queues. Not sealed, as <see cref="RabbitMqFixture"/>: a test project may give it a name of its own.
/// </summary>
public class MessagingServers : IAsyncLifetime
{
    public RabbitMqFixture Broker { get; } = new();

    public PostgresFixture Postgres { get; } = new();

    public async ValueTask InitializeAsync() => await Task.WhenAll(Broker.InitializeAsync().AsTask(), Postgres.InitializeAsync().AsTask());

    public async ValueTask DisposeAsync()
    {
        await Broker.DisposeAsync();
        await Postgres.DisposeAsync();
    }
}
