using Payments.ServiceDefaults.Security;

namespace Payments.Operations.Api;

public static class OperationsApi
{
    /// <summary>
    /// The `/api` route group, operator endpoints like the owning services' /admin: a token for the audience
    /// payments-operations with the scope payments:ops, and every call audited in operations.audit (reads and 401/403
    /// included) by the shared OperatorAuditMiddleware. A handler adds what it did to that row (HttpContext.AuditOutcome).
    /// Features map themselves onto the group it returns.
    /// </summary>
    public static RouteGroupBuilder MapOperationsApi(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGroup("/api").RequireOperator();
}
