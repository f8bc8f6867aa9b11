using Microsoft.AspNetCore.Routing;
using Payments.ServiceDefaults.Security;

namespace Payments.Security.Tests.Endpoints;

/// <summary>What protects an endpoint, by what it is, not by what it declares (a forgotten declaration must fail).</summary>
public enum EndpointKind
{
    Health,
    Webhook,
    /// <summary>The OpenAPI document: anonymous in Development and Testing only (elsewhere an operator endpoint, or not mapped).</summary>
    ApiDocument,
    Operator,
    Business,
}

public static class EndpointKinds
{
    public static EndpointKind Of(RouteEndpoint endpoint) => endpoint.RoutePattern.RawText switch
    {
        "/health/live" or "/health/ready" => EndpointKind.Health,
        "/webhooks/{source}" => EndpointKind.Webhook,
        "/openapi/{documentName}.json" when endpoint.Metadata.GetMetadata<OperatorEndpoint>() is null => EndpointKind.ApiDocument,
        _ when endpoint.Metadata.GetMetadata<OperatorEndpoint>() is not null => EndpointKind.Operator,
        _ => EndpointKind.Business,
    };
}
