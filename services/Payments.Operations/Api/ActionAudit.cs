using System.Security.Claims;
using Payments.ServiceDefaults.Security;

namespace Payments.Operations.Api;

/// <summary>
/// Records a state-changing action in operations.audit (the shared operator audit) with what it did and how much:
/// Operations' API is served on its own listener rather than as management-only operator endpoints, so its actions are
/// audited here, by the handler that knows the count.
/// </summary>
public sealed class ActionAudit(IOperatorAudit audit, TimeProvider time)
{
    public static string Who(ClaimsPrincipal user) => user.FindFirst("sub")?.Value ?? user.FindFirst("client_id")?.Value ?? "(anonymous)";

    public Task RecordAsync(ClaimsPrincipal user, string action, string target, int statusCode, CancellationToken cancellationToken) =>
        audit.RecordAsync(new OperatorAction(Who(user), user.FindFirst("name")?.Value, action, target, time.GetUtcNow(), statusCode), cancellationToken);
}
