using Payments.Notifications.Ledger;
using Payments.Notifications.Tests.Infrastructure;
using Payments.Testing;

namespace Payments.Notifications.Tests.Delivery;

[Collection(NotificationsCollection.Name)]
public sealed class When_the_mail_server_refuses_for_a_while(Infrastructure.Infrastructure infrastructure) : NotificationsTest(infrastructure)
{
    private readonly MetricTotals _metrics = new("payments.notifications.send_failures", "payments.notifications.parked");

    public override async ValueTask DisposeAsync()
    {
        _metrics.Dispose();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task Should_record_every_event_at_once_and_deliver_every_email_exactly_once_after_it_recovers()
    {
        var ct = TestContext.Current.CancellationToken;
        var parkedBefore = _metrics["payments.notifications.parked"];
        await Scenario.Smtp.RefuseAsync(true, ct);
        var orders = Enumerable.Range(0, 5).Select(i => SampleEvents.Paid(1000 + i)).ToList();
        foreach (var paid in orders)
        {
            await Scenario.PublishAsync(paid);
        }

        // The events are consumed while the server refuses: the outage holds back only the emails.
        foreach (var paid in orders)
        {
            var pending = await Scenario.NotificationAsync(paid.OrderId, n => n.State == NotificationState.Pending && n.Attempts >= 2,
                "the notification to be recorded and retried");
            pending.LastError.ShouldNotBeNull();
            pending.LastError.ShouldContain("451");
        }

        await Scenario.Smtp.RefuseAsync(false, ct);

        foreach (var paid in orders)
        {
            await Scenario.NotificationAsync(paid.OrderId, n => n.State == NotificationState.Sent, "the notification to be sent after the recovery");
            (await Scenario.EmailsToAsync(paid.CustomerEmail)).Count.ShouldBe(1);
        }

        (await Scenario.Smtp.MessagesAsync(ct)).Select(m => m.MessageId).ShouldBeUnique();
        _metrics["payments.notifications.send_failures"].ShouldBeGreaterThanOrEqualTo(orders.Count * 2);
        _metrics["payments.notifications.parked"].ShouldBe(parkedBefore);
    }
}
