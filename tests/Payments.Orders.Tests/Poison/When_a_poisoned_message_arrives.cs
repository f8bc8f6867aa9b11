using Payments.Contracts;
using Payments.Orders.PaymentCreation;
using Payments.Orders.Tests.Infrastructure;
using Payments.Testing;
using Payments.Testing.Messaging;

namespace Payments.Orders.Tests.Poison;

/// <summary>
/// A body that does not deserialize, a message without a message id, a type nobody here consumes: each goes to the
/// queue's _error queue at once, with the reason in MassTransit's fault headers, and the consumer takes the next one.
/// </summary>
[Collection(OrdersCollection.Name)]
public sealed class When_a_poisoned_message_arrives(Infrastructure.Infrastructure infrastructure) : IAsyncLifetime
{
    private OrdersScenario _scenario = null!;

    public async ValueTask InitializeAsync() => _scenario = await OrdersScenario.CreateAsync(infrastructure);

    public async ValueTask DisposeAsync()
    {
        await _scenario.DisposeAsync();
        await PoisonMessages.ForgetAsync(infrastructure.Broker, OrdersExtensions.PaymentEventsQueue);
        await PoisonMessages.ForgetAsync(infrastructure.Broker, OrdersExtensions.PaymentCreationQueue);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Should_dead_letter_each_payment_event_with_its_reason_and_apply_the_next()
    {
        var order = await _scenario.CreateOrderAsync(4200, "EUR");
        var valid = Infrastructure.PaymentEvents.For(order.Id, PaymentEventKind.Succeeded, 4200, "EUR", order.Payment!.PaymentId);

        var markers = await PoisonMessages.SendAsync(infrastructure.Broker, OrdersExtensions.PaymentEventsQueue, valid, typeof(PaymentEventReceived), Ct);
        await _scenario.Bus.PublishAsync(valid);

        await Eventually.TrueAsync(async () => (await _scenario.GetOrderAsync(order.Id)).Status == "paid", TimeSpan.FromSeconds(15),
            "the good event behind the poison to be applied", Ct);
        var deadLetters = await PoisonMessages.DeadLettersAsync(infrastructure.Broker, OrdersExtensions.PaymentEventsQueue, markers, TimeSpan.FromSeconds(15), Ct);
        PoisonMessages.Unexplained(deadLetters).ShouldBeEmpty();
    }

    [Fact]
    public async Task Should_dead_letter_each_payment_creation_command_with_its_reason_and_create_the_next()
    {
        _scenario.Provider.FailNext(int.MaxValue);
        var order = await _scenario.CreateOrderAsync(700, "EUR");
        order.Payment.ShouldBeNull();

        var markers = await PoisonMessages.SendAsync(infrastructure.Broker, OrdersExtensions.PaymentCreationQueue, new CreateOrderPayment(order.Id),
            typeof(CreateOrderPayment), Ct);
        var deadLetters = await PoisonMessages.DeadLettersAsync(infrastructure.Broker, OrdersExtensions.PaymentCreationQueue, markers, TimeSpan.FromSeconds(15), Ct);
        _scenario.Provider.FailNext(0);

        PoisonMessages.Unexplained(deadLetters).ShouldBeEmpty();
        await Eventually.TrueAsync(async () => (await _scenario.GetOrderAsync(order.Id)).Payment is not null, TimeSpan.FromSeconds(30),
            "the deferred payment creation behind the poison to go on", Ct);
    }
}
