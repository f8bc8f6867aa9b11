namespace Payments.Operations.DeadLetters;

/// <summary>What a replay needs of a stored dead letter.</summary>
public sealed record StoredDeadLetter(long Id, string Queue, string? MessageId, IReadOnlyDictionary<string, string?> Headers,
    IReadOnlyDictionary<string, string?> Properties, byte[] Body);
