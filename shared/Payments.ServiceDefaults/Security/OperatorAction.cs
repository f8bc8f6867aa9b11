using System.Security.Claims;

namespace Payments.ServiceDefaults.Security;

/// <summary>One call of an operator endpoint: who (token subject and name), what (action and target), when, result.</summary>
public sealed record OperatorAction(string Subject, string? Name, string Action, string Target, DateTimeOffset At, int StatusCode)
{
    /// <summary>Who the audit names: the token's subject, else its client, else "(anonymous)" (a refused call has neither).</summary>
    public static string SubjectOf(ClaimsPrincipal user) =>
        user.FindFirst("sub")?.Value ?? user.FindFirst("client_id")?.Value ?? "(anonymous)";
}
