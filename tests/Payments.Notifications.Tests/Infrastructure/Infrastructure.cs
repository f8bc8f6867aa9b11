using Payments.Testing.Postgres;
using Payments.Testing.RabbitMq;

namespace Payments.Notifications.Tests.Infrastructure;

/// <summary>One broker and one PostgreSQL server per collection; every test gets its own database and SMTP server.</summary>
public sealed class Infrastructure : IAsyncLifetime
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
