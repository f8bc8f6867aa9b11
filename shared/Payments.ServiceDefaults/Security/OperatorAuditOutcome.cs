using Microsoft.AspNetCore.Http;

namespace Payments.ServiceDefaults.Security;

/// <summary>
/// What an operator call did that its path does not say (how many dead letters a bulk replay moved, why they were
/// discarded): the handler that knows says it here, and OperatorAuditMiddleware writes it into the call's one audit row,
/// after the path. One row per call, refusals included, rather than a second row of the handler's own.
/// </summary>
public sealed class OperatorAuditOutcome
{
    public string? Detail { get; set; }
}
