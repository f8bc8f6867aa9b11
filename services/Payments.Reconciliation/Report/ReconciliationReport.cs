using Payments.Reconciliation.Endpoints;

namespace Payments.Reconciliation.Report;

/// <summary>
/// GET /reconciliation/report: the window, how much each side holds in it, every disagreement by kind, and each
/// source's webhook endpoint as last checked (a missing or disabled one is why webhooks stop coming).
/// </summary>
public sealed record ReconciliationReport(
    DateTimeOffset From,
    DateTimeOffset To,
    string Provider,
    int ProviderPayments,
    int TrackedPayments,
    IReadOnlyList<Discrepancy> SucceededNotPaid,
    IReadOnlyList<Discrepancy> PaidNotSucceeded,
    IReadOnlyList<Discrepancy> AmountMismatches,
    IReadOnlyList<Discrepancy> Stuck,
    IReadOnlyList<EndpointReport>? Endpoints = null);
