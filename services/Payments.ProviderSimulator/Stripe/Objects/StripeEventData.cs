namespace Payments.ProviderSimulator.Stripe.Objects;

/// <summary>Event.data: the object as it was right after the change (declared object so its own shape is written).</summary>
internal sealed record StripeEventData(object Object);
