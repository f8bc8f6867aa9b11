namespace Payments.ProviderSimulator.Stripe.Idempotency;

/// <summary>
/// A saved answer, as the state file keeps it. <paramref name="Scope"/> is a hash of the API key, so keys of
/// different callers never collide and no API key is written to disk.
/// </summary>
internal sealed record IdempotencyEntry(string Scope, string Key, string Fingerprint, StoredResponse Response, DateTimeOffset Created);
