namespace Payments.Reconciliation.Housekeeping;

/// <summary>
/// What Orders last told us about a payment's order, in Orders' own order (see reconciliation.status_rank):
/// stored as Orders' snake_case status text.
/// </summary>
public enum KnownStatus
{
    AwaitingPayment,
    PaymentFailed,
    Paid,
    Refunded,
    NeedsAttention,
}
