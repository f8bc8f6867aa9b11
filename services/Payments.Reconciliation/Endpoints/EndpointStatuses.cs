using System.Collections.Concurrent;

namespace Payments.Reconciliation.Endpoints;

/// <summary>The latest check of each source, for GET /reconciliation/endpoints, the report and the metric.</summary>
public sealed class EndpointStatuses
{
    private readonly ConcurrentDictionary<string, EndpointReport> _latest = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<EndpointReport> All => [.. _latest.Values.OrderBy(r => r.Source, StringComparer.Ordinal)];

    public void Set(EndpointReport report) => _latest[report.Source] = report;
}
