using Payments.Testing.Postgres;
using Payments.Testing.Services;

namespace Payments.Operations.Tests.Infrastructure;

/// <summary>
/// Shared by the test classes of a collection: RabbitMQ (with its management API), a PostgreSQL for Operations, and
/// the real Orders service as a process on a PostgreSQL of its own, so a test can stop Orders' database alone. Orders
/// consumes one event at a time (a later event applied means every earlier one was handled), retries a failure twice,
/// and dead-letters an event for an unknown order after 50 ms.
/// </summary>
public sealed class Servers : IAsyncLifetime
{
    public ManagedBroker Broker { get; } = new();

    public PostgresFixture Postgres { get; } = new();

    public PostgresFixture OrdersPostgres { get; } = new();

    public OrdersDatabase OrdersDatabase { get; private set; } = null!;

    public ServiceProcess Orders { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var token = TestContext.Current.CancellationToken;
        await Task.WhenAll(Broker.InitializeAsync().AsTask(), Postgres.InitializeAsync().AsTask(), OrdersPostgres.InitializeAsync().AsTask());
        OrdersDatabase = new OrdersDatabase(await OrdersPostgres.CreateDatabaseAsync("orders", token));
        Orders = new ServiceProcess("Payments.Orders")
            .With("ConnectionStrings:RabbitMq", Broker.AmqpUri)
            .With("ConnectionStrings:Postgres", OrdersDatabase.ConnectionString)
            .With("Provider:BaseUrl", OperationsApp.Unreachable)
            .With("Provider:ApiKey", "sk_test_operations")
            .With("Orders:PaymentEvents:Prefetch", "1")
            .With("Orders:PaymentEvents:Concurrency", "1")
            .With("Orders:PaymentEvents:RetryLimit", "2")
            .With("Orders:PaymentEvents:NotFoundRetryIntervals:0", "50")
            .With("Logging:LogLevel:Default", "Warning");
        await Orders.StartAsync(cancellationToken: token);
    }

    public async ValueTask DisposeAsync()
    {
        if (Orders is not null)
        {
            await Orders.DisposeAsync();
        }

        await Broker.DisposeAsync();
        await Postgres.DisposeAsync();
        await OrdersPostgres.DisposeAsync();
    }
}
