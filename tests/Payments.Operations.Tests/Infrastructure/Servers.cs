using Payments.Testing.Postgres;
using Payments.Testing.RabbitMq;

namespace Payments.Operations.Tests.Infrastructure;

/// <summary>RabbitMQ (with its management API) and PostgreSQL shared by the test classes of a collection.</summary>
public sealed class Servers : IAsyncLifetime
{
    public ManagedBroker Broker { get; } = new();

    public PostgresFixture Postgres { get; } = new();

    public async ValueTask InitializeAsync() =>
        await Task.WhenAll(Broker.InitializeAsync().AsTask(), Postgres.InitializeAsync().AsTask());

    public async ValueTask DisposeAsync()
    {
        await Broker.DisposeAsync();
        await Postgres.DisposeAsync();
    }
}
