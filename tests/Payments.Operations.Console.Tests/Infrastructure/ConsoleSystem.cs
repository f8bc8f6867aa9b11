using Payments.Testing.Postgres;
using Payments.Testing.Services;

namespace Payments.Operations.Console.Tests.Infrastructure;

/// <summary>
/// What an operator's browser and CLI talk to, shared by this project's test classes: RabbitMQ, PostgreSQL, the real
/// Orders service and the Operations service as processes on real ports. Orders consumes one event at a time and
/// dead-letters an event for an order it does not know after one 50 ms delay, so a test makes a dead letter by
/// paying an order before it exists, then creates the order and replays.
/// </summary>
public sealed class ConsoleSystem : IAsyncLifetime
{
    private const string Unreachable = "http://127.0.0.1:1";

    public ManagedBroker Broker { get; } = new();

    public PostgresFixture Postgres { get; } = new();

    public OrdersDatabase OrdersDatabase { get; private set; } = null!;

    /// <summary>What Operations audited of the operators' actions.</summary>
    public AuditLog OperationsAudit { get; private set; } = null!;

    public ServiceProcess Orders { get; } = new("Payments.Orders");

    public ServiceProcess Operations { get; } = new("Payments.Operations");

    public string Url => Operations.BaseUrl;

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await Task.WhenAll(Broker.InitializeAsync().AsTask(), Postgres.InitializeAsync().AsTask());
        OrdersDatabase = new OrdersDatabase(await Postgres.CreateDatabaseAsync("orders", cancellationToken));
        Orders
            .With("ConnectionStrings:RabbitMq", Broker.AmqpUri)
            .With("ConnectionStrings:Postgres", OrdersDatabase.ConnectionString)
            .With("Provider:BaseUrl", Unreachable)
            .With("Provider:ApiKey", "sk_test_console")
            .With("Orders:PaymentEvents:Prefetch", "1")
            .With("Orders:PaymentEvents:Concurrency", "1")
            .With("Orders:PaymentEvents:RetryLimit", "1")
            .With("Orders:PaymentEvents:NotFoundRetryIntervals:0", "50")
            .With("Logging:LogLevel:Default", "Warning");
        await Orders.StartAsync(cancellationToken: cancellationToken);
        var operationsDatabase = await Postgres.CreateDatabaseAsync("operations", cancellationToken);
        OperationsAudit = new AuditLog(operationsDatabase);
        Operations
            .With("ConnectionStrings:RabbitMq", Broker.AmqpUri)
            .With("ConnectionStrings:Postgres", operationsDatabase)
            .With("Operations:Broker:ManagementUrl", $"http://127.0.0.1:{Broker.ManagementPort}")
            .With("Operations:Services:Ingress:BaseUrl", Unreachable)
            .With("Operations:Services:Orders:BaseUrl", Orders.BaseUrl)
            .With("Operations:Services:Notifications:BaseUrl", Unreachable)
            .With("Operations:Services:Reconciliation:BaseUrl", Unreachable)
            .With("Logging:LogLevel:Default", "Warning");
        await Operations.StartAsync(cancellationToken: cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await Operations.DisposeAsync();
        await Orders.DisposeAsync();
        await Broker.DisposeAsync();
        await Postgres.DisposeAsync();
    }
}
