using Payments.Testing.Postgres;
using Payments.Testing.RabbitMq;
using Payments.Testing.Services;

namespace Payments.Reconciliation.Tests.Infrastructure;

/// <summary>
/// The system around Reconciliation, as real servers and processes: RabbitMQ, PostgreSQL, the provider simulator
/// delivering signed Stripe webhooks to the ingress, and Orders creating its payments at the simulator. Each test
/// class starts its own Reconciliation in-process (<see cref="ReconciliationApp"/>) on a fresh database.
/// </summary>
public sealed class PaymentSystem : IAsyncLifetime
{
    public RabbitMqFixture Broker { get; } = new();

    public PostgresFixture Postgres { get; } = new();

    public Simulator Simulator { get; private set; } = null!;

    public ServiceProcess Ingress { get; private set; } = null!;

    public Orders Orders { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var token = TestContext.Current.CancellationToken;
        await Task.WhenAll(Broker.InitializeAsync().AsTask(), Postgres.InitializeAsync().AsTask());
        Ingress = new ServiceProcess("Payments.Ingress")
            .With("ConnectionStrings:RabbitMq", Broker.AmqpUri)
            .With("Ingress:Sources:stripe:Scheme", "stripe")
            .With("Ingress:Sources:stripe:Secrets:0", Keys.StripeWebhookSecret)
            .With("Ingress:Broker:RequiredQueues:0", "orders-payment-events")
            .With("Logging:LogLevel:Default", "Warning");
        var simulator = Simulator.StartAsync();
        var ordersDatabase = await Postgres.CreateDatabaseAsync("orders", token);
        var orders = new ServiceProcess("Payments.Orders")
            .With("ConnectionStrings:RabbitMq", Broker.AmqpUri)
            .With("ConnectionStrings:Postgres", ordersDatabase)
            .With("Messaging:Outbox:PollInterval", "00:00:00.200")
            .With("Logging:LogLevel:Default", "Warning");
        Simulator = await simulator;
        orders.With("Provider:BaseUrl", Simulator.BaseUrl).With("Provider:ApiKey", Keys.ApiKey);
        await Task.WhenAll(Ingress.StartAsync(cancellationToken: token), orders.StartAsync(cancellationToken: token));
        Orders = new Orders(orders);
        await Simulator.RegisterStripeEndpointAsync($"{Ingress.BaseUrl}/webhooks/stripe", Keys.StripeWebhookSecret);
    }

    public async ValueTask DisposeAsync()
    {
        if (Orders is not null)
        {
            await Orders.DisposeAsync();
        }

        if (Ingress is not null)
        {
            await Ingress.DisposeAsync();
        }

        if (Simulator is not null)
        {
            await Simulator.DisposeAsync();
        }

        await Broker.DisposeAsync();
        await Postgres.DisposeAsync();
    }
}
