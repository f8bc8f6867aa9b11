namespace Payments.Operations.DeadLetters;

public sealed record DeadLetterSummary(
    long Id, string Queue, string? MessageType, string? Reason, string? ExceptionType, DateTimeOffset? FailedAt,
    string? OrderId, string? PaymentId, string? MessageId, string State);
