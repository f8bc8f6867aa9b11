using Payments.Contracts;

namespace Payments.Orders.PaymentEvents;

/// <summary>How an event finds its order. An order id that is not one of ours (not a UUID) can only match by payment id.</summary>
internal readonly record struct PaymentEventReceivedKey(Guid? OrderId, string PaymentId)
{
    public static PaymentEventReceivedKey From(PaymentEventReceived @event) =>
        new(Guid.TryParse(@event.OrderId, out var id) ? id : null, @event.ProviderPaymentId);
}
