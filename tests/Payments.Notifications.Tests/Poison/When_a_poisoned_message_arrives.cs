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
public sealed class When_a_poisoned_message_arrives(Infrastructure.Infrastructure infrastructure) : IAsyncLifetime
{
    private NotificationsScenario _scenario = null!;

    public async ValueTask InitializeAsync() => _scenario = await NotificationsScenario.CreateAsync(infrastructure);

    public async ValueTask DisposeAsync()
    {
        await _scenario.DisposeAsync();
        await PoisonMessages.ForgetAsync(infrastructure.Broker, NotificationsExtensions.OrderEventsQueue);
    }

    [Fact]
    public async Task Should_dead_letter_each_with_its_reason_and_handle_the_next()
    {
        var ct = TestContext.Current.CancellationToken;
        var poisoned = SampleEvents.Paid(4200);
        var valid = SampleEvents.Paid(4300);

        var markers = await PoisonMessages.SendAsync(infrastructure.Broker, NotificationsExtensions.OrderEventsQueue, poisoned, typeof(OrderPaid), ct);
        await _scenario.PublishAsync(valid);

        await _scenario.NotificationAsync(valid.OrderId, n => n.State == NotificationState.Sent, "the good event behind the poison to be handled");
        var deadLetters = await PoisonMessages.DeadLettersAsync(infrastructure.Broker, NotificationsExtensions.OrderEventsQueue, markers, TimeSpan.FromSeconds(15), ct);
        PoisonMessages.Unexplained(deadLetters).ShouldBeEmpty();
        (await _scenario.NotificationsAsync(poisoned.OrderId)).ShouldBeEmpty();
    }
}
