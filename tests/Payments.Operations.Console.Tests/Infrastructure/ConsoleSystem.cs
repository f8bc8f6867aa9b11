using Payments.Testing.Postgres;
using Payments.Testing.RabbitMq;
using Payments.Testing.Services;

namespace Payments.Operations.Console.Tests.Infrastructure;

/// <summary>
/// RabbitMQ, PostgreSQL and the Operations service as a real process on a real port (what an operator's browser
/// talks to), shared by the console's test classes.
/// </summary>
public sealed class ConsoleSystem : IAsyncLifetime
{
    public RabbitMqFixture Broker { get; } = new();

    public PostgresFixture Postgres { get; } = new();

    public ServiceProcess Operations { get; } = new("Payments.Operations");

    public string Url => Operations.BaseUrl;

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await Task.WhenAll(Broker.InitializeAsync().AsTask(), Postgres.InitializeAsync().AsTask());
        Operations
            .With("ConnectionStrings:RabbitMq", Broker.AmqpUri)
            .With("ConnectionStrings:Postgres", await Postgres.CreateDatabaseAsync("operations", cancellationToken))
            .With("Operations:Services:Orders:BaseUrl", "http://127.0.0.1:1")
            .With("Operations:Services:Notifications:BaseUrl", "http://127.0.0.1:1")
            .With("Operations:Services:Reconciliation:BaseUrl", "http://127.0.0.1:1");
        await Operations.StartAsync(cancellationToken: cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await Operations.DisposeAsync();
        await Broker.DisposeAsync();
        await Postgres.DisposeAsync();
    }
}
