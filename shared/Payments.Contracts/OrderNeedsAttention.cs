namespace Payments.Contracts;

/// <summary>
/// The provider reported money that does not match the order (amount or currency); automated processing stops for
/// this order until an operator resolves it (v1).
/// </summary>
public sealed record OrderNeedsAttention(
    Guid OrderId,
    string? PaymentId,
    string Reason,
    long ExpectedAmountMinor,
    string ExpectedCurrency,
    long ReportedAmountMinor,
    string ReportedCurrency,
    DateTimeOffset DetectedAt,
    Guid CausationId);
