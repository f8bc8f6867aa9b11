extern alias ingress;
extern alias notifications;
extern alias operations;
extern alias orders;
extern alias reconciliation;

using Payments.ServiceDefaults.Security;
using Payments.Testing.Postgres;
using Payments.Testing.RabbitMq;

namespace Payments.Security.Tests.Infrastructure;

/// <summary>
/// Every service with an HTTP API of ours, in-process on real listeners, against one broker and one PostgreSQL server
/// (a database each). The provider simulator is left out: it is a sandbox with its own admin keys, and its tests
/// enumerate its /sim controls the same way (Payments.ProviderSimulator.Tests, Security/When_the_controls_are_called).
/// </summary>
public sealed class SecuritySystem : IAsyncLifetime
{
    private const string NowhereUrl = "http://127.0.0.1:9"; // the discard port: no test here reaches a provider, SMTP or another service

    private readonly Dictionary<string, string> _databases = [];

    public RabbitMqFixture Broker { get; } = new();

    public PostgresFixture Postgres { get; } = new();

    public IServiceHost Orders { get; private set; } = null!;

    public IServiceHost Notifications { get; private set; } = null!;

    public IServiceHost Reconciliation { get; private set; } = null!;

    public IServiceHost Ingress { get; private set; } = null!;

    /// <summary>The operators' service: one listener, which is its management listener (it has no public one).</summary>
    public IServiceHost Operations { get; private set; } = null!;

    public IReadOnlyDictionary<string, string> Databases => _databases;

    public IReadOnlyList<IServiceHost> All => [Orders, Notifications, Reconciliation, Ingress, Operations];

    public IServiceHost Named(string name) => All.Single(s => s.Name == name);

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        await Task.WhenAll(Broker.InitializeAsync().AsTask(), Postgres.InitializeAsync().AsTask());
        async Task<string> DatabaseAsync(string name) => _databases[name] = await Postgres.CreateDatabaseAsync(name, ct);
        Dictionary<string, string?> Common(string? database) => new()
        {
            ["ConnectionStrings:RabbitMq"] = Broker.AmqpUri,
            ["ConnectionStrings:Postgres"] = database,
            ["Logging:LogLevel:Default"] = "Warning",
        };

        var orders = Common(await DatabaseAsync("orders"));
        orders["Provider:BaseUrl"] = NowhereUrl;
        orders["Provider:ApiKey"] = "sk_test_security_tests";
        var notifications = Common(await DatabaseAsync("notifications"));
        notifications["Smtp:Host"] = "127.0.0.1";
        notifications["Smtp:Port"] = "9";
        notifications["Smtp:From"] = "Shop <shop@payments.test>";
        notifications["Notifications:OperationsEmail"] = "operations@payments.test";
        var reconciliation = Common(await DatabaseAsync("reconciliation"));
        reconciliation["Provider:BaseUrl"] = NowhereUrl;
        reconciliation["Provider:ApiKey"] = "sk_test_security_tests";
        var ingress = Common(null);
        ingress.Remove("ConnectionStrings:Postgres");
        ingress["Ingress:Sources:stripe:Scheme"] = "stripe";
        ingress["Ingress:Sources:stripe:Secrets:0"] = "whsec_security_tests_0123456789";
        var operations = Common(await DatabaseAsync("operations"));
        operations["Operations:Broker:ManagementUrl"] = NowhereUrl;
        operations["Operations:Services:Ingress:BaseUrl"] = NowhereUrl;
        operations["Operations:Services:Orders:BaseUrl"] = NowhereUrl;
        operations["Operations:Services:Notifications:BaseUrl"] = NowhereUrl;
        operations["Operations:Services:Reconciliation:BaseUrl"] = NowhereUrl;

        Orders = await StartAsync(new ServiceHost<orders::Program>("orders", ApiAudiences.Orders, orders), ct);
        Notifications = await StartAsync(new ServiceHost<notifications::Program>("notifications", ApiAudiences.Notifications, notifications), ct);
        Reconciliation = await StartAsync(new ServiceHost<reconciliation::Program>("reconciliation", ApiAudiences.Reconciliation, reconciliation), ct);
        Ingress = await StartAsync(new ServiceHost<ingress::Program>("ingress", ApiAudiences.Ingress, ingress), ct);
        Operations = await StartAsync(new ServiceHost<operations::Program>("operations", ApiAudiences.Operations, operations, operatorService: true), ct);
    }

    private static async Task<IServiceHost> StartAsync<TProgram>(ServiceHost<TProgram> host, CancellationToken cancellationToken)
        where TProgram : class
    {
        await host.StartAsync(cancellationToken);
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var service in new[] { Orders, Notifications, Reconciliation, Ingress, Operations }.Where(s => s is not null))
        {
            await service.DisposeAsync();
        }

        await Broker.DisposeAsync();
        await Postgres.DisposeAsync();
    }
}
