using Payments.Contracts;
using Payments.Notifications.Ledger;
using Payments.Notifications.Tests.Infrastructure;
using Payments.Testing.Messaging;

namespace Payments.Notifications.Tests.Poison;

/// <summary>
/// A body that does not deserialize, a message without a message id, a type nobody here consumes: each goes to the
/// queue's _error queue at once, with the reason in MassTransit's fault headers, and the consumer takes the next one.
/// </summary>
[Collection(NotificationsCollection.Name)]
public sealed class When_a_poisoned_message_arrives(Infrastructure.Infrastructure infrastructure) : NotificationsTest(infrastructure)
{
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await PoisonMessages.ForgetAsync(Servers.Broker, NotificationsExtensions.OrderEventsQueue);
    }

    [Fact]
    public async Task Should_dead_letter_each_with_its_reason_and_handle_the_next()
    {
        var ct = TestContext.Current.CancellationToken;
        var poisoned = SampleEvents.Paid(4200);
        var valid = SampleEvents.Paid(4300);

        var markers = await PoisonMessages.SendAsync(Servers.Broker, NotificationsExtensions.OrderEventsQueue, poisoned, typeof(OrderPaid), ct);
        await Scenario.PublishAsync(valid);

        await Scenario.NotificationAsync(valid.OrderId, n => n.State == NotificationState.Sent, "the good event behind the poison to be handled");
        var deadLetters = await PoisonMessages.DeadLettersAsync(Servers.Broker, NotificationsExtensions.OrderEventsQueue, markers, TimeSpan.FromSeconds(15), ct);
        PoisonMessages.Unexplained(deadLetters).ShouldBeEmpty();
        (await Scenario.NotificationsAsync(poisoned.OrderId)).ShouldBeEmpty();
    }
}
