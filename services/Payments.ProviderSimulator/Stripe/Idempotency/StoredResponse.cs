namespace Payments.ProviderSimulator.Stripe.Idempotency;

/// <summary>The status and JSON body first answered under an idempotency key.</summary>
internal sealed record StoredResponse(int StatusCode, string Body);
