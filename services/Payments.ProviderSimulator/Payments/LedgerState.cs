namespace Payments.ProviderSimulator.Payments;

/// <summary>The ledger as written to the state file (Simulator:StatePath).</summary>
internal sealed record LedgerState(
    IReadOnlyList<Payment> Payments,
    IReadOnlyList<Charge> Charges,
    IReadOnlyList<Refund> Refunds,
    long LastSequence,
    long LastLiqPayId);
