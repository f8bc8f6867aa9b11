namespace Payments.ProviderSimulator.Stripe.Objects;

/// <summary>What Stripe answers a DELETE with: {"id": ..., "object": ..., "deleted": true}.</summary>
internal sealed record DeletedObject(string Id, string Object, bool Deleted);
