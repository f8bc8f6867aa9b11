namespace Payments.ProviderSimulator.Deliveries;

/// <summary>
/// A webhook as its scheme shapes it, fixed for every attempt: retries resend the same body and id (receivers
/// deduplicate on them). Only timestamps and the signatures over them are made per attempt.
/// </summary>
internal sealed record WebhookMessage(string MessageId, byte[] Body, string ContentType);
