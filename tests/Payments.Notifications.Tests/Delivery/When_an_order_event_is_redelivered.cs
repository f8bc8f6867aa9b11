using Npgsql;
using Payments.Notifications.Ledger;
using Payments.Notifications.Tests.Infrastructure;
using Payments.Testing;

namespace Payments.Notifications.Tests.Delivery;

/// <summary>
/// Redelivered while the inbox remembers the event, or after it forgot it (its retention): the notification row
/// already exists, so the insert does nothing and nothing is handed to the sender: the email was sent.
/// </summary>
[Collection(NotificationsCollection.Name)]
public sealed class When_an_order_event_is_redelivered(Infrastructure.Infrastructure infrastructure) : NotificationsTest(infrastructure)
{
    private readonly MetricTotals _metrics = new("payments.inbox.handled", "payments.inbox.duplicates");

    public override async ValueTask DisposeAsync()
    {
        _metrics.Dispose();
        await base.DisposeAsync();
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
            await Scenario.PublishAsync(paid, messageId);
        }

        await Eventually.TrueAsync(
            () => _metrics["payments.inbox.handled"] - handled >= 1 && _metrics["payments.inbox.duplicates"] - duplicates >= 4,
            TimeSpan.FromSeconds(20), "all five deliveries to be handled or recognised as duplicates", ct);
        var notification = await Scenario.NotificationAsync(paid.OrderId, n => n.State == NotificationState.Sent, "the notification to be sent");
        notification.Attempts.ShouldBe(1);
        (await Scenario.EmailsToAsync(paid.CustomerEmail)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Should_not_send_again_after_the_inbox_forgot_it()
    {
        var ct = TestContext.Current.CancellationToken;
        var paid = SampleEvents.Paid();
        var messageId = Guid.CreateVersion7();
        await Scenario.PublishAsync(paid, messageId);
        await Scenario.NotificationAsync(paid.OrderId, n => n.State == NotificationState.Sent, "the notification to be sent");
        var handled = _metrics["payments.inbox.handled"];

        var forget = new NpgsqlBatchCommand("DELETE FROM messaging.inbox WHERE message_id = $1");
        forget.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = messageId });
        await Scenario.ExecuteAsync(forget);
        await Scenario.PublishAsync(paid, messageId);

        await Eventually.TrueAsync(() => _metrics["payments.inbox.handled"] > handled, TimeSpan.FromSeconds(20), "the redelivery to be handled as new", ct);
        await Task.Delay(TimeSpan.FromSeconds(1), ct); // a hand-off would have been sent by now
        (await Scenario.EmailsToAsync(paid.CustomerEmail)).Count.ShouldBe(1);
        var notification = await Scenario.NotificationAsync(paid.OrderId, n => n.State == NotificationState.Sent, "the notification to stay sent");
        notification.Attempts.ShouldBe(1);
    }
}
