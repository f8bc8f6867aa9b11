using Payments.Notifications.Ledger;

namespace Payments.Notifications.Tests.Sending;

public sealed class When_a_notification_id_is_derived
{
    [Fact]
    public void Should_be_the_same_for_the_same_event_and_kind_and_differ_otherwise()
    {
        var eventId = Guid.NewGuid();

        NotificationIds.For(eventId, NotificationKind.Paid).ShouldBe(NotificationIds.For(eventId, NotificationKind.Paid));
        NotificationIds.For(eventId, NotificationKind.Paid).ShouldNotBe(NotificationIds.For(eventId, NotificationKind.Refunded));
        NotificationIds.For(eventId, NotificationKind.Paid).ShouldNotBe(NotificationIds.For(Guid.NewGuid(), NotificationKind.Paid));
        NotificationIds.For(eventId, NotificationKind.Paid).Version.ShouldBe(5);
    }

    [Fact]
    public void Should_give_a_message_id_in_the_senders_domain() =>
        NotificationIds.MessageId(Guid.Parse("3f2b8c1e-0000-4000-8000-000000000001"), "shop.example")
            .ShouldBe("<3f2b8c1e-0000-4000-8000-000000000001@shop.example>");
}
