using Payments.Notifications.Ledger;
using Payments.Notifications.Templates;
using Payments.Notifications.Tests.Infrastructure;
using Payments.Testing;

namespace Payments.Notifications.Tests.Delivery;

/// <summary>
/// An instance commits a notification leased to itself, to hand it to its own sender, and dies before sending it. The
/// row is what it leaves behind: no other instance may send it while the lease holds, and one must once it has run out.
/// </summary>
[Collection(NotificationsCollection.Name)]
public sealed class When_an_instance_dies_holding_a_lease(Infrastructure.Infrastructure infrastructure) : NotificationsTest(infrastructure)
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task Should_be_sent_once_after_the_lease()
    {
        var ct = TestContext.Current.CancellationToken;
        var paid = SampleEvents.Paid();
        var id = NotificationIds.For(Guid.CreateVersion7(), NotificationKind.Paid);
        var draft = new NotificationDraft(id, Guid.CreateVersion7(), paid.OrderId, NotificationKind.Paid, paid.CustomerEmail,
            NotificationIds.MessageId(id, "payments.test"), PaidEmail.Render(paid), Unsendable: null, TraceParent: null, TraceState: null);

        await Scenario.ExecuteAsync(NotificationRows.Insert(draft, Lease)); // what the dead instance committed
        var leased = DateTimeOffset.UtcNow;

        await Task.Delay(Lease / 2, ct);
        (await Scenario.EmailsToAsync(paid.CustomerEmail)).ShouldBeEmpty("the lease holds: the running instance must leave the row alone");

        var sent = await Scenario.NotificationAsync(paid.OrderId, n => n.State == NotificationState.Sent, "the notification to be sent after the lease");
        (sent.SentAt!.Value - leased).ShouldBeGreaterThan(Lease - TimeSpan.FromMilliseconds(500));
        (await Scenario.EmailsToAsync(paid.CustomerEmail)).Count.ShouldBe(1);
        sent.Attempts.ShouldBe(1);
    }
}
