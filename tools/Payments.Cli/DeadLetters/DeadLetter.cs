using System.Text.Json.Serialization;
using Payments.Cli.Api;

namespace Payments.Cli.DeadLetters;

/// <summary>One row of <c>GET /api/dead-letters</c>.</summary>
public sealed record DeadLetter(
    [property: JsonConverter(typeof(IdConverter))] string Id,
    string Queue,
    string? MessageType,
    string? Reason,
    string? ExceptionType,
    DateTimeOffset? FailedAt,
    string? OrderId,
    string? PaymentId,
    string? MessageId,
    string? State);
