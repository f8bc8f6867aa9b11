using System.Net.Http.Headers;
using Payments.Operations.Tests.Infrastructure;
using Payments.ServiceDefaults.Security;
using Payments.Testing.Postgres;
using Payments.Testing.Security;
using Payments.Testing.Services;
using Payments.Testing.Smtp;

namespace Payments.Operations.Tests.Timeline;

/// <summary>
/// The three services a payment's story comes from, real and as processes, each on its own database: Orders (against a
/// provider stub), Notifications (against an SMTP server) and Reconciliation. Tracing is on (an OTLP endpoint nobody
/// listens on), so each records the trace ids an operator follows.
/// </summary>
public sealed class StorySystem : IAsyncLifetime
{
    private const string Otlp = "http://127.0.0.1:1";

    /// <summary>The operator's own token, valid for Operations and for the three services it forwards it to.</summary>
    public static readonly string OperatorToken = TestTokens.Create(
        [ApiAudiences.Operations, ApiAudiences.Orders, ApiAudiences.Notifications, ApiAudiences.Reconciliation], [Scopes.PaymentsOps]);

    public ManagedBroker Broker { get; } = new();

    public PostgresFixture Postgres { get; } = new();

    public SmtpFixture Smtp { get; } = new();

    public StubProvider Provider { get; private set; } = null!;

    public ServiceProcess Orders { get; private set; } = null!;

    public ServiceProcess Notifications { get; private set; } = null!;

    public ServiceProcess Reconciliation { get; private set; } = null!;

    /// <summary>Reconciliation's own database, for a test that plays its relay giving up on a row.</summary>
    public string ReconciliationDatabase { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var token = TestContext.Current.CancellationToken;
        await Task.WhenAll(Broker.InitializeAsync().AsTask(), Postgres.InitializeAsync().AsTask(), Smtp.InitializeAsync().AsTask());
        Provider = await StubProvider.StartAsync();
        Orders = new ServiceProcess("Payments.Orders")
            .With("ConnectionStrings:RabbitMq", Broker.AmqpUri)
            .With("ConnectionStrings:Postgres", await Postgres.CreateDatabaseAsync("orders", token))
            .With("Provider:BaseUrl", Provider.BaseUrl)
            .With("Provider:ApiKey", "sk_test_operations")
            .With("Messaging:Outbox:PollInterval", "00:00:00.200")
            .With("OTEL_EXPORTER_OTLP_ENDPOINT", Otlp)
            .With("Logging:LogLevel:Default", "Warning");
        Notifications = new ServiceProcess("Payments.Notifications")
            .With("ConnectionStrings:RabbitMq", Broker.AmqpUri)
            .With("ConnectionStrings:Postgres", await Postgres.CreateDatabaseAsync("notifications", token))
            .With("Smtp:Host", Smtp.Host)
            .With("Smtp:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .With("Smtp:From", "Payments Shop <shop@payments.test>")
            .With("Notifications:OperationsEmail", "operations@payments.test")
            .With("Notifications:Delivery:PollInterval", "00:00:00.100")
            .With("OTEL_EXPORTER_OTLP_ENDPOINT", Otlp)
            .With("Logging:LogLevel:Default", "Warning");
        ReconciliationDatabase = await Postgres.CreateDatabaseAsync("reconciliation", token);
        Reconciliation = new ServiceProcess("Payments.Reconciliation")
            .With("ConnectionStrings:RabbitMq", Broker.AmqpUri)
            .With("ConnectionStrings:Postgres", ReconciliationDatabase)
            .With("Provider:BaseUrl", Provider.BaseUrl)
            .With("Provider:ApiKey", "sk_test_operations")
            .With("OTEL_EXPORTER_OTLP_ENDPOINT", Otlp)
            .With("Logging:LogLevel:Default", "Warning");
        // Notifications and Reconciliation first: Orders declares their queues, but they bind what they take.
        await Task.WhenAll(Notifications.StartAsync(cancellationToken: token), Reconciliation.StartAsync(cancellationToken: token));
        await Orders.StartAsync(cancellationToken: token);
    }

    /// <summary>
    /// Operations on a fresh database, asking the three services (<paramref name="settings"/> may change any of it); its
    /// client carries <see cref="OperatorToken"/>.
    /// </summary>
    public async Task<(OperationsApp App, HttpClient Client)> StartOperationsAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Operations:Services:Orders:BaseUrl"] = Orders.BaseUrl,
            ["Operations:Services:Notifications:BaseUrl"] = Notifications.BaseUrl,
            ["Operations:Services:Reconciliation:BaseUrl"] = Reconciliation.BaseUrl,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var (app, client) = await OperationsApp.StartAsync(Broker, Postgres, all);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", OperatorToken);
        return (app, client);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in new[] { Orders, Notifications, Reconciliation })
        {
            if (process is not null)
            {
                await process.DisposeAsync();
            }
        }

        if (Provider is not null)
        {
            await Provider.DisposeAsync();
        }

        await Smtp.DisposeAsync();
        await Broker.DisposeAsync();
        await Postgres.DisposeAsync();
    }
}
