namespace Payments.ProviderSimulator.Payments;

/// <summary>What happened to a payment; each scheme names it its own way (or not at all: LiqPay has no "created").</summary>
internal enum PaymentEventType
{
    PaymentIntentCreated,
    PaymentIntentSucceeded,
    PaymentIntentPaymentFailed,
    ChargeRefunded,
}
