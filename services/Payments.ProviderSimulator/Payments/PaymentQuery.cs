namespace Payments.ProviderSimulator.Payments;

/// <summary>
/// A page of payments, newest first, as Stripe lists them (https://docs.stripe.com/api/pagination): created bounds in
/// Unix seconds, and at most one cursor, starting_after (older than) or ending_before (newer than) a payment id.
/// </summary>
internal sealed record PaymentQuery(
    long? CreatedGte,
    long? CreatedGt,
    long? CreatedLte,
    long? CreatedLt,
    int Limit,
    string? StartingAfter,
    string? EndingBefore);
