namespace Payments.Operations.DeadLetters;

/// <summary>One message as read from an error queue, ready to be stored.</summary>
public sealed record CapturedDeadLetter(
    string Queue,
    string DedupKey,
    string? MessageId,
    string? MessageType,
    string? ContentType,
    IReadOnlyDictionary<string, string?> Headers,
    IReadOnlyDictionary<string, string?> Properties,
    ReadOnlyMemory<byte> Body,
    string? Reason,
    string? FaultMessage,
    string? ExceptionType,
    string? InputAddress,
    DateTimeOffset? FailedAt,
    string? OrderId,
    string? PaymentId);
