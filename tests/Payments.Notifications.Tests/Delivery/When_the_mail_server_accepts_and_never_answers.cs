using System.Diagnostics;
using Payments.Notifications.Ledger;
using Payments.Notifications.Tests.Infrastructure;
using Payments.Testing;

namespace Payments.Notifications.Tests.Delivery;

/// <summary>
/// The mail server takes the connection and then says nothing, not even its greeting. Each send gives up after
/// Smtp:Timeout and is recorded as a failed attempt; the notification is tried again with backoff, and no mailer is
/// left hanging: once the server answers, every email goes out.
/// </summary>
[Collection(NotificationsCollection.Name)]
public sealed class When_the_mail_server_accepts_and_never_answers(Infrastructure.Infrastructure infrastructure) : IAsyncLifetime
{
    private readonly SilentSmtpServer _silent = new();
    private NotificationsScenario _scenario = null!;

    public async ValueTask InitializeAsync() => _scenario = await NotificationsScenario.CreateAsync(infrastructure, new Dictionary<string, string?>
    {
        ["Smtp:Host"] = "127.0.0.1",
        ["Smtp:Port"] = _silent.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Smtp:Timeout"] = "00:00:01",
        ["Notifications:Delivery:Workers"] = "2",
    });

    public async ValueTask DisposeAsync()
    {
        await _scenario.DisposeAsync();
        await _silent.DisposeAsync();
    }

    [Fact]
    public async Task Should_time_out_record_the_attempt_retry_and_send_everything_once_it_answers()
    {
        // More emails than mailers: were a mailer stuck in a silent dialogue, some of these would never go out.
        var orders = Enumerable.Range(0, 5).Select(i => SampleEvents.Paid(2000 + i)).ToList();
        var published = Stopwatch.StartNew();
        foreach (var paid in orders)
        {
            await _scenario.PublishAsync(paid);
        }

        foreach (var paid in orders)
        {
            var pending = await _scenario.NotificationAsync(paid.OrderId, n => n.State == NotificationState.Pending && n.Attempts >= 2,
                "the hung attempts to be timed out, recorded and retried", TimeSpan.FromSeconds(30));
            pending.LastError.ShouldNotBeNull();
            pending.SentAt.ShouldBeNull();
        }

        _silent.SilentConnections.ShouldBeGreaterThanOrEqualTo(orders.Count * 2);
        // Ten sends of 1 s each, two at a time, take ~5 s; a send that waited for the silent server would never end.
        published.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30));

        _silent.Answer(_scenario.Smtp.Host, _scenario.Smtp.Port);

        foreach (var paid in orders)
        {
            await _scenario.NotificationAsync(paid.OrderId, n => n.State == NotificationState.Sent, "the notification to be sent once the server answers",
                TimeSpan.FromSeconds(30));
            (await _scenario.EmailsToAsync(paid.CustomerEmail)).Count.ShouldBe(1);
        }
    }

    [Fact]
    public async Task Should_not_start_with_a_timeout_that_is_not_positive()
    {
        await using var app = new NotificationsApp(new Dictionary<string, string?>
        {
            ["ConnectionStrings:RabbitMq"] = infrastructure.Broker.AmqpUri,
            ["ConnectionStrings:Postgres"] = _scenario.Database,
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:From"] = NotificationsScenario.From,
            ["Smtp:Timeout"] = "00:00:00",
            ["Notifications:OperationsEmail"] = "operations@payments.test",
        });

        var failure = await Should.ThrowAsync<Exception>(app.StartAsync);

        failure.ToString().ShouldContain("Smtp:Timeout must be positive");
    }
}
