using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using Npgsql;
using Payments.Notifications.Ledger;
using Payments.Testing;
using Payments.Testing.Messaging;
using Payments.Testing.Smtp;

namespace Payments.Notifications.Tests.Infrastructure;

/// <summary>A fresh database and SMTP server, the Notifications app and a bus connection: what every service test starts from.</summary>
public sealed class NotificationsScenario : IAsyncDisposable
{
    public const string From = "Payments Shop <shop@payments.test>";

    private readonly List<NotificationsApp> _apps = [];
    private readonly Dictionary<string, string?> _settings;
    private readonly ILoggerProvider? _logs;

    private NotificationsScenario(SmtpFixture smtp, TestBus bus, Dictionary<string, string?> settings, ILoggerProvider? logs)
    {
        Smtp = smtp;
        Bus = bus;
        _settings = settings;
        _logs = logs;
    }

    public SmtpFixture Smtp { get; }

    public TestBus Bus { get; }

    public string OperationsEmail => _settings["Notifications:OperationsEmail"]!;

    /// <summary>The service's own database, for tests that play a part the service cannot (a crashed instance, an inbox that forgot).</summary>
    public string Database => _settings["ConnectionStrings:Postgres"]!;

    public HttpClient Client { get; private set; } = null!;

    /// <summary>The first instance (for clients with other tokens, or none).</summary>
    public NotificationsApp App => _apps[0];

    /// <param name="settings">Overrides of the fast defaults below (e.g. a smaller attempt budget).</param>
    public static async Task<NotificationsScenario> CreateAsync(
        Infrastructure infrastructure, IReadOnlyDictionary<string, string?>? settings = null, ILoggerProvider? logs = null, int instances = 1)
    {
        var ct = TestContext.Current.CancellationToken;
        var smtp = new SmtpFixture();
        await smtp.InitializeAsync();
        var all = new Dictionary<string, string?>
        {
            ["ConnectionStrings:RabbitMq"] = infrastructure.Broker.AmqpUri,
            ["ConnectionStrings:Postgres"] = await infrastructure.Postgres.CreateDatabaseAsync("notifications", ct),
            ["Smtp:Host"] = smtp.Host,
            ["Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp:From"] = From,
            ["Smtp:Timeout"] = "00:00:05",
            ["Notifications:OperationsEmail"] = $"operations-{Guid.NewGuid():N}@payments.test",
            ["Notifications:Delivery:PollInterval"] = "00:00:00.100",
            ["Notifications:Delivery:BaseBackoff"] = "00:00:00.050",
            ["Notifications:Delivery:MaxBackoff"] = "00:00:00.300",
            ["Notifications:Delivery:MaxAttempts"] = "100",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var scenario = new NotificationsScenario(smtp, await TestBus.ConnectAsync(infrastructure.Broker), all, logs);
        for (var i = 0; i < instances; i++)
        {
            var app = new NotificationsApp(all, logs);
            scenario._apps.Add(app);
            var client = await app.StartAsync();
            scenario.Client ??= client;
        }

        return scenario;
    }

    /// <summary>Publishes as Orders' relay does: the outbox row id is the message id every consumer deduplicates on.</summary>
    public async Task<Guid> PublishAsync<T>(T message, Guid? messageId = null) where T : class
    {
        var id = messageId ?? Guid.CreateVersion7();
        await Bus.PublishAsync(message, typeof(T), id);
        return id;
    }

    /// <summary>Runs <paramref name="command"/> on the service's database, outside any instance.</summary>
    public async Task ExecuteAsync(NpgsqlBatchCommand command)
    {
        await using var dataSource = NpgsqlDataSource.Create(Database);
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(command);
        await batch.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    public async Task<List<NotificationResponse>> NotificationsAsync(Guid orderId) =>
        (await Client.GetFromJsonAsync<List<NotificationResponse>>($"/notifications?orderId={orderId}", TestContext.Current.CancellationToken))!;

    /// <summary>Waits until the order has exactly one notification and it satisfies <paramref name="accept"/>.</summary>
    public async Task<NotificationResponse> NotificationAsync(Guid orderId, Func<NotificationResponse, bool> accept, string because, TimeSpan? timeout = null) =>
        (await Eventually.ValueAsync(() => NotificationsAsync(orderId), list => list.Count == 1 && accept(list[0]),
            timeout ?? TimeSpan.FromSeconds(20), because, TestContext.Current.CancellationToken))[0];

    public async Task<List<ReceivedEmail>> EmailsToAsync(string recipient) =>
        [.. (await Smtp.MessagesAsync(TestContext.Current.CancellationToken)).Where(m => m.To.Contains(recipient, StringComparer.OrdinalIgnoreCase))];

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps)
        {
            await app.DisposeAsync();
        }

        await Bus.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
