using Microsoft.AspNetCore.Builder;

namespace Payments.ServiceDefaults.Security;

/// <summary>Who may call an endpoint: one line where it is mapped (Program.cs or the feature's MapXxx).</summary>
public static class EndpointProtection
{
    /// <summary>A bearer token for this service with the scope (401 without one, 403 without the scope).</summary>
    public static TBuilder RequireScope<TBuilder>(this TBuilder builder, string scope)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(scope);

    /// <summary>
    /// An operator endpoint: payments:ops, served only on the management listener (Management:Urls), every call audited
    /// in the service's database.
    /// </summary>
    public static TBuilder RequireOperator<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireScope(Scopes.PaymentsOps).WithMetadata(OperatorEndpoint.Instance);
}
