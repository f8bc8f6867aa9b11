using System.Net.Http.Headers;
using System.Net.Http.Json;
using Payments.Testing.Postgres;
using Payments.Testing.RabbitMq;
using Payments.Testing.Services;
using Payments.Testing.Smtp;

namespace Payments.Testing.Load;

/// <summary>
/// The whole system as real processes on throwaway infrastructure: RabbitMQ, PostgreSQL, an SMTP server, a provider
/// simulator per <see cref="Sources"/> entry delivering webhooks signed in that source's scheme to the ingress, and
/// <paramref name="instances"/> instances of every consumer (of Orders, per source).
/// With <paramref name="clusteredBroker"/> the broker is a three-node cluster (<see cref="Cluster"/>) and every service is
/// given all three nodes; with <paramref name="durableDatabase"/> PostgreSQL keeps fsync and synchronous commit on, so a
/// crash of it may be counted against what was acknowledged; with <paramref name="replicatedDatabase"/> it is a primary with a
/// synchronous standby (<see cref="Replicas"/>) and every service gets both hosts.
/// </summary>
public sealed class PaymentsSystem(int instances, bool clusteredBroker = false, bool durableDatabase = false, bool replicatedDatabase = false) : IAsyncDisposable
{
    public const string ApiKey = "sk_test_chaos";
    public const string SimulatorAdminKey = "sim_admin_chaos_6a3f";
    public const string WebhookSecret = "whsec_chaos_suite_secret";

    /// <summary>The providers the load pays through, Stripe first.</summary>
    public IReadOnlyList<LoadSource> Sources { get; } = [LoadSource.Stripe(), LoadSource.LiqPay(), LoadSource.StandardWebhooks()];

    /// <summary>Where <see cref="LoadDriver"/> places and pays each source's orders.</summary>
    public IReadOnlyList<LoadLane> Lanes =>
        [.. Sources.Select(s => new LoadLane(s.Name, s.Provider, [.. s.Orders.Select(o => o.BaseUrl)], s.Simulator.BaseUrl, s.PaysAtCheckout))];

    private readonly RabbitMqFixture? _broker = clusteredBroker ? null : new();
    private readonly RabbitMqClusterFixture? _cluster = clusteredBroker ? new() : null;

    /// <summary>The single broker node (not with a clustered broker).</summary>
    public RabbitMqFixture Broker => _broker ?? throw new InvalidOperationException("This system's broker is a cluster: use Cluster.");

    /// <summary>The three-node broker cluster (only with a clustered broker).</summary>
    public RabbitMqClusterFixture Cluster => _cluster ?? throw new InvalidOperationException("This system's broker is a single node: use Broker.");

    /// <summary>ConnectionStrings:RabbitMq as every service gets it: one node, or all three of the cluster.</summary>
    public string BrokerUri => _cluster?.AmqpUri ?? Broker.AmqpUri;

    private readonly PostgresFixture? _postgres = replicatedDatabase ? null : new() { Durable = durableDatabase };
    private readonly PostgresReplicationFixture? _replicas = replicatedDatabase ? new() : null;

    /// <summary>The single PostgreSQL server (not with a replicated database).</summary>
    public PostgresFixture Postgres => _postgres ?? throw new InvalidOperationException("This system's database is replicated: use Replicas.");

    /// <summary>The primary and its standby (only with a replicated database).</summary>
    public PostgresReplicationFixture Replicas => _replicas ?? throw new InvalidOperationException("This system's database is a single server: use Postgres.");

    public SmtpFixture Smtp { get; } = new();

    /// <summary>Stripe's simulator.</summary>
    public ServiceProcess Simulator => Sources[0].Simulator;

    public ServiceProcess Ingress { get; } = new("Payments.Ingress");

    /// <summary>Every Orders instance, each source's in turn per instance: the first is Stripe's.</summary>
    public List<ServiceProcess> Orders { get; } = [];

    public List<ServiceProcess> Notifications { get; } = [];

    /// <summary>Notifications:Delivery:Workers of every Notifications instance: its sends in flight at any moment.</summary>
    public const int NotificationWorkers = 8;

    public List<ServiceProcess> Reconciliation { get; } = [];

    public string OrdersDatabase { get; private set; } = "";

    public IEnumerable<ServiceProcess> All => [.. Sources.Select(s => s.Simulator), Ingress, .. Orders, .. Notifications, .. Reconciliation];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var broker = _cluster is not null ? _cluster.InitializeAsync() : Broker.InitializeAsync();
        var database = _replicas is not null ? _replicas.InitializeAsync() : Postgres.InitializeAsync();
        await Task.WhenAll(broker.AsTask(), database.AsTask(), Smtp.InitializeAsync().AsTask());
        Func<string, Task<string>> create = _replicas is not null
            ? prefix => _replicas.CreateDatabaseAsync(prefix, cancellationToken)
            : prefix => Postgres.CreateDatabaseAsync(prefix, cancellationToken);
        var ordersDb = OrdersDatabase = await create("orders");
        var notificationsDb = await create("notifications");
        var reconciliationDb = await create("reconciliation");

        foreach (var source in Sources)
        {
            source.Simulator.With("Simulator:AllowOutsideDevelopment", "true").With("Simulator:AdminKeys:0", SimulatorAdminKey)
                .With("Simulator:ApiKeys:0", ApiKey).With("Simulator:TimeScale", "0.005")
                .With("Simulator:LiqPay:PublicKey", LoadSource.LiqPayPublicKey).With("Simulator:LiqPay:PrivateKey", LoadSource.LiqPayPrivateKey);
            Ingress.With($"Ingress:Sources:{source.Name}:Scheme", source.Scheme).With($"Ingress:Sources:{source.Name}:Secrets:0", source.Secret);
        }

        var liqPay = Sources.Single(s => s.PaysAtCheckout);
        Ingress.With("ConnectionStrings:RabbitMq", BrokerUri).With("Ingress:Broker:RequiredQueues:0", "orders-payment-events");
        for (var i = 0; i < instances; i++)
        {
            foreach (var source in Sources)
            {
                var orders = Consumer("Payments.Orders", ordersDb).With("Provider:Api", source.OrdersApi).With("Provider:BaseUrl", source.Simulator.BaseUrl)
                    .With("Provider:Name", source.Provider).With("Provider:ApiKey", ApiKey).With("Provider:FallbackDelay", "00:00:02");
                source.Orders.Add(orders);
                Orders.Add(orders);
            }

            Notifications.Add(Consumer("Payments.Notifications", notificationsDb).With("Smtp:Host", Smtp.Host)
                .With("Smtp:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .With("Smtp:From", "shop@example.com").With("Notifications:OperationsEmail", "ops@example.com")
                .With("Notifications:Delivery:Workers", NotificationWorkers.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            // Reconciliation asks Stripe's and LiqPay's simulators: the sources whose providers it has a status client for.
            Reconciliation.Add(Consumer("Payments.Reconciliation", reconciliationDb).With("Provider:BaseUrl", Simulator.BaseUrl)
                .With("Provider:ApiKey", ApiKey).With("Provider:LiqPay:BaseUrl", liqPay.Simulator.BaseUrl)
                .With("Provider:LiqPay:PublicKey", LoadSource.LiqPayPublicKey).With("Provider:LiqPay:PrivateKey", LoadSource.LiqPayPrivateKey)
                .With("Reconciliation:Interval", "00:00:02").With("Reconciliation:StaleAfter", "00:00:08"));
        }

        await Task.WhenAll(All.Select(s => s.StartAsync(cancellationToken: cancellationToken)));

        using var http = SimulatorControls();
        foreach (var source in Sources)
        {
            var registered = await http.PostAsJsonAsync($"{source.Simulator.BaseUrl}/sim/endpoints",
                new { scheme = source.Scheme, url = $"{Ingress.BaseUrl}/webhooks/{source.Name}", secret = source.Secret }, cancellationToken);
            registered.EnsureSuccessStatusCode();
        }
    }

    /// <summary>The faults every simulator injects; a source Reconciliation cannot ask about a payment does not drop.</summary>
    public async Task SetFaultsAsync(SimulatorFaults faults, CancellationToken cancellationToken)
    {
        using var http = SimulatorControls();
        foreach (var source in Sources)
        {
            var own = source.Reconcilable ? faults : faults with { DropRate = 0 };
            (await http.PutAsJsonAsync($"{source.Simulator.BaseUrl}/sim/faults", own, cancellationToken)).EnsureSuccessStatusCode();
        }
    }

    /// <summary>A client for the simulator's /sim controls, which need its admin key.</summary>
    public static HttpClient SimulatorControls()
    {
        var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", SimulatorAdminKey);
        return http;
    }

    private ServiceProcess Consumer(string name, string database) => new ServiceProcess(name)
        .With("ConnectionStrings:RabbitMq", BrokerUri).With("ConnectionStrings:Postgres", database)
        .With("Messaging:Outbox:PollInterval", "00:00:00.500");

    public async ValueTask DisposeAsync()
    {
        foreach (var service in All)
        {
            await service.DisposeAsync();
        }

        await Smtp.DisposeAsync();
        if (_cluster is not null)
            await _cluster.DisposeAsync();
        else
            await Broker.DisposeAsync();
        if (_replicas is not null)
            await _replicas.DisposeAsync();
        else
            await Postgres.DisposeAsync();
    }
}
