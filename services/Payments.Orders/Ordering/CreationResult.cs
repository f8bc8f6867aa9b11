namespace Payments.Orders.Ordering;

internal abstract record CreationResult
{
    private CreationResult() { }

    public sealed record Created(Guid OrderId, bool Replayed) : CreationResult;

    /// <summary>The Idempotency-Key was used before with a different request.</summary>
    public sealed record KeyReused : CreationResult;
}
