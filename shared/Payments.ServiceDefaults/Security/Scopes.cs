using System.Security.Claims;

namespace Payments.ServiceDefaults.Security;

/// <summary>
/// OAuth scopes (RFC 8693 §4.2: the `scope` claim, space-separated; Microsoft's identity platform writes `scp`).
/// Each is also the name of the authorization policy that requires it.
/// </summary>
public static class Scopes
{
    public const string OrdersWrite = "orders:write";
    public const string OrdersRead = "orders:read";

    /// <summary>Every operator action and report.</summary>
    public const string PaymentsOps = "payments:ops";

    public static readonly IReadOnlyList<string> All = [OrdersWrite, OrdersRead, PaymentsOps];

    public static bool Has(ClaimsPrincipal user, string scope) =>
        user.Claims.Any(c => c.Type is "scope" or "scp"
                             && c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(scope, StringComparer.Ordinal));
}
