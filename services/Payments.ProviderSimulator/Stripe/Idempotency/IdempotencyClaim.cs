namespace Payments.ProviderSimulator.Stripe.Idempotency;

internal abstract record IdempotencyClaim
{
    private IdempotencyClaim() { }

    /// <summary>First use of the key: run the request, then Complete or Release the key.</summary>
    public sealed record Claimed : IdempotencyClaim;

    public sealed record Replay(StoredResponse Response) : IdempotencyClaim;

    /// <summary>The key was first used with another endpoint or other parameters.</summary>
    public sealed record Mismatch : IdempotencyClaim;

    public sealed record InProgress : IdempotencyClaim;
}
