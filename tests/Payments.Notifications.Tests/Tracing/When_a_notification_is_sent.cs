using System.Diagnostics;
using Payments.Notifications.Ledger;
using Payments.Notifications.Tests.Infrastructure;
using Payments.Testing;

namespace Payments.Notifications.Tests.Tracing;

[Collection(NotificationsCollection.Name)]
public sealed class When_a_notification_is_sent(Infrastructure.Infrastructure infrastructure) : NotificationsTest(infrastructure)
{
    private readonly CapturedActivities _spans = new();

    public override async ValueTask DisposeAsync()
    {
        _spans.Dispose();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task Should_continue_the_trace_of_the_consumer_that_recorded_it()
    {
        var paid = SampleEvents.Paid();
        await Scenario.PublishAsync(paid);
        var notification = await Scenario.NotificationAsync(paid.OrderId, n => n.State == NotificationState.Sent, "the notification to be sent");

        var send = await Eventually.ValueAsync(
            () => Task.FromResult(_spans.Activities.FirstOrDefault(a => a.DisplayName == "notification send" && (string?)a.GetTagItem("payments.order.id") == paid.OrderId.ToString())),
            a => a is not null, TimeSpan.FromSeconds(5), "the send span", TestContext.Current.CancellationToken);
        send!.Kind.ShouldBe(ActivityKind.Client);
        send.GetTagItem("payments.notification.id").ShouldBe(notification.Id.ToString());
        var parent = _spans.Activities.SingleOrDefault(a => a.SpanId == send.ParentSpanId);
        parent.ShouldNotBeNull("the send span's parent is a span of this process");
        parent.Source.Name.ShouldBe("MassTransit");
        parent.Kind.ShouldBe(ActivityKind.Consumer);
        parent.TraceId.ShouldBe(send.TraceId);
    }
}
