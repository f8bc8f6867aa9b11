using Payments.Notifications.Notifications;
using Payments.Notifications.Tests.Infrastructure;
using Payments.Testing;

namespace Payments.Notifications.Tests.Delivery;

[Collection(NotificationsCollection.Name)]
public sealed class When_an_order_event_is_redelivered(Infrastructure.Infrastructure infrastructure) : IAsyncLifetime
{
    private readonly MetricTotals _metrics = new("payments.inbox.handled", "payments.inbox.duplicates");
    private NotificationsScenario _scenario = null!;

    public async ValueTask InitializeAsync() => _scenario = await NotificationsScenario.CreateAsync(infrastructure);

    public async ValueTask DisposeAsync()
    {
        _metrics.Dispose();
        await _scenario.DisposeAsync();
    }

    [Fact]
    public async Task Should_send_one_email()
    {
        var ct = TestContext.Current.CancellationToken;
        var paid = SampleEvents.Paid();
        var messageId = Guid.CreateVersion7();
        var (handled, duplicates) = (_metrics["payments.inbox.handled"], _metrics["payments.inbox.duplicates"]);

        for (var i = 0; i < 5; i++)
        {
            await _scenario.PublishAsync(paid, messageId);
        }

        await Eventually.TrueAsync(
            () => _metrics["payments.inbox.handled"] - handled >= 1 && _metrics["payments.inbox.duplicates"] - duplicates >= 4,
            TimeSpan.FromSeconds(20), "all five deliveries to be handled or recognised as duplicates", ct);
        var notification = await _scenario.NotificationAsync(paid.OrderId, n => n.State == NotificationState.Sent, "the notification to be sent");
        notification.Attempts.ShouldBe(1);
        (await _scenario.EmailsToAsync(paid.CustomerEmail)).Count.ShouldBe(1);
    }
}
