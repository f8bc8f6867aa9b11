namespace Payments.ProviderSimulator.Stripe.Objects;

/// <summary>Event.request: the API request that caused the event; the sandbox does not track it, so both are null.</summary>
internal sealed record StripeEventRequest(string? Id, string? IdempotencyKey);
