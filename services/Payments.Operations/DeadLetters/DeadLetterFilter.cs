namespace Payments.Operations.DeadLetters;

/// <summary>
/// Which dead letters: every set field narrows (queue and type exactly, reason as a case-insensitive substring of the
/// reason, fault message or exception type, failedAt within [from, to)).
/// </summary>
public sealed record DeadLetterFilter(string? Queue, string? MessageType, string? Reason, string? OrderId, DateTimeOffset? From, DateTimeOffset? To);
