namespace Payments.Operations.DeadLetters;

public sealed record DiscardRequest(IReadOnlyList<long>? Ids, string? Reason);
