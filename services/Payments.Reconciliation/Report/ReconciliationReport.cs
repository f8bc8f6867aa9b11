namespace Payments.Reconciliation.Report;

/// <summary>GET /reconciliation/report: the window, how much each side holds in it, and every disagreement by kind.</summary>
public sealed record ReconciliationReport(
    DateTimeOffset From,
    DateTimeOffset To,
    string Provider,
    int ProviderPayments,
    int TrackedPayments,
    IReadOnlyList<Discrepancy> SucceededNotPaid,
    IReadOnlyList<Discrepancy> PaidNotSucceeded,
    IReadOnlyList<Discrepancy> AmountMismatches,
    IReadOnlyList<Discrepancy> Stuck);
