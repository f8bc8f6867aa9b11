using Payments.Notifications.Ledger;
using Payments.Notifications.Tests.Infrastructure;
using Payments.Testing;

namespace Payments.Notifications.Tests.Delivery;

/// <summary>Two instances consume one queue and claim from one table with FOR UPDATE SKIP LOCKED: nothing sent twice, nothing left.</summary>
[Collection(NotificationsCollection.Name)]
public sealed class When_two_instances_send_from_one_database(Infrastructure.Infrastructure infrastructure) : IAsyncLifetime
{
    private NotificationsScenario _scenario = null!;

    public async ValueTask InitializeAsync() => _scenario = await NotificationsScenario.CreateAsync(infrastructure, instances: 2);

    public async ValueTask DisposeAsync() => await _scenario.DisposeAsync();

    [Fact]
    public async Task Should_send_every_email_exactly_once()
    {
        var ct = TestContext.Current.CancellationToken;
        var orders = Enumerable.Range(0, 60).Select(i => SampleEvents.Paid(100 + i)).ToList();
        foreach (var paid in orders)
        {
            await _scenario.PublishAsync(paid);
        }

        var recipients = orders.Select(o => o.CustomerEmail).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var received = await Eventually.ValueAsync(
            async () => (await _scenario.Smtp.MessagesAsync(ct)).Where(m => recipients.Contains(m.To[0])).ToList(),
            emails => emails.Select(e => e.To[0]).Distinct().Count() == orders.Count,
            TimeSpan.FromSeconds(30), "an email for every order", ct);
        foreach (var paid in orders)
        {
            await _scenario.NotificationAsync(paid.OrderId, n => n.State == NotificationState.Sent, "the notification to be recorded as sent");
        }

        received = [.. (await _scenario.Smtp.MessagesAsync(ct)).Where(m => recipients.Contains(m.To[0]))];
        received.Count.ShouldBe(orders.Count);
        received.Select(m => m.MessageId).ShouldBeUnique();
    }
}
