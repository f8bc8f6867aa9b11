namespace Payments.Contracts;

/// <summary>
/// The order's payment was paid, failed or refunded (v1): the same facts as <see cref="OrderPaid"/>,
/// <see cref="OrderPaymentFailed"/> and <see cref="OrderRefunded"/>, published with them in the same transaction,
/// without the customer's address: for subscribers that keep books, not for those that write to the customer
/// (docs/decisions/0004-personal-data-in-messages.md).
/// </summary>
/// <param name="AmountMinor">The order's amount.</param>
/// <param name="RefundedAmountMinor">For <see cref="OrderPaymentStatus.Refunded"/>, what was refunded; otherwise null.</param>
/// <param name="CausationId">The payment event that moved the order.</param>
public sealed record OrderPaymentStatusChanged(
    Guid OrderId,
    string PaymentId,
    OrderPaymentStatus Status,
    long AmountMinor,
    long? RefundedAmountMinor,
    string Currency,
    DateTimeOffset ChangedAt,
    Guid CausationId);
