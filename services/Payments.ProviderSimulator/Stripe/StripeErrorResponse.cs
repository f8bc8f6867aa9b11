namespace Payments.ProviderSimulator.Stripe;

/// <summary>Every Stripe error body: {"error": {...}}.</summary>
internal sealed record StripeErrorResponse(StripeError Error);
