namespace Payments.ProviderSimulator.Payments;

/// <summary>
/// Something that happened to a payment, with the objects as they were right after it. <paramref name="Id"/> is the
/// Stripe event id (evt_…); the other schemes derive their message ids from it.
/// </summary>
internal sealed record PaymentEvent(string Id, PaymentEventType Type, DateTimeOffset Created, Payment Payment, Charge? Charge, Refund? Refund);
