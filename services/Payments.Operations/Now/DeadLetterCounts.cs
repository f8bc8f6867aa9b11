namespace Payments.Operations.Now;

/// <summary>Operations' own dead letters: still dead (to look at), replayed, discarded.</summary>
public sealed record DeadLetterCounts(long Dead, long Replayed, long Discarded);
