using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
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
    /// <summary>
    /// The Operations console's static files (and its <c>/</c>, which redirects to one): GET, anonymous, served by
    /// ASP.NET Core static assets. They hold no data; every call the page makes carries the operator's token.
    /// </summary>
    ConsoleAsset,
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
        _ when IsAnonymousGet(endpoint) && (IsStaticAsset(endpoint) || endpoint.RoutePattern.RawText == "/") => EndpointKind.ConsoleAsset,
        _ => EndpointKind.Business,
    };

    /// <summary>
    /// Served by MapStaticAssets: the endpoint carries the asset's descriptor (Microsoft.AspNetCore.StaticAssets), which
    /// no endpoint of ours can carry by mistake.
    /// </summary>
    private static bool IsStaticAsset(RouteEndpoint endpoint) =>
        endpoint.Metadata.Any(m => m.GetType().FullName == "Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor");

    private static bool IsAnonymousGet(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null
        && endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods is { Count: > 0 } methods
        && methods.All(m => m is "GET" or "HEAD");
}
