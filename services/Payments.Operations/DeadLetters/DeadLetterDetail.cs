using System.Text.Json;

namespace Payments.Operations.DeadLetters;

/// <summary>One dead letter with its headers and body (the body as JSON when it parses, else as text).</summary>
public sealed record DeadLetterDetail(
    long Id, string Queue, string? MessageType, string? Reason, string? FaultMessage, string? ExceptionType, string? InputAddress,
    DateTimeOffset? FailedAt, string? OrderId, string? PaymentId, string? MessageId, string? ContentType, string State,
    DateTimeOffset ReceivedAt, DateTimeOffset? ReplayedAt, int ReplayCount, DateTimeOffset? DiscardedAt, string? DiscardedBy,
    string? DiscardReason, IReadOnlyDictionary<string, string?> Headers, JsonElement? Body, string? BodyText);
