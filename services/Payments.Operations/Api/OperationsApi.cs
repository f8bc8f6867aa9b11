using Payments.ServiceDefaults.Security;

namespace Payments.Operations.Api;

public static class OperationsApi
{
    /// <summary>
    /// The `/api` route group: every endpoint under it needs a token for the audience payments-operations with the
    /// scope payments:ops. Features map themselves onto the group it returns.
    /// </summary>
    public static RouteGroupBuilder MapOperationsApi(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGroup("/api").RequireScope(Scopes.PaymentsOps);
}
