using Microsoft.AspNetCore.Http;

namespace Payments.ServiceDefaults.Security;

public static class OperatorAuditOutcomeExtensions
{
    /// <summary>
    /// Adds what the call did to its audit row. Only an operator endpoint (RequireOperator) is audited: anywhere else the
    /// detail would be lost, so that is refused loudly.
    /// </summary>
    public static void AuditOutcome(this HttpContext context, string detail)
    {
        var outcome = context.Features.Get<OperatorAuditOutcome>()
                      ?? throw new InvalidOperationException(
                          $"{context.Request.Method} {context.Request.Path} is not an operator endpoint (RequireOperator): nothing audits it.");
        outcome.Detail = detail;
    }
}
