namespace Payments.Reconciliation.Endpoints;

/// <summary>One source's registration at its provider, as last checked (an <see cref="EndpointStatus"/> value).</summary>
public sealed record EndpointReport(
    string Source,
    string Provider,
    string Url,
    string Status,
    IReadOnlyList<string> MissingEvents,
    DateTimeOffset CheckedAt);
