using System.Net.Http.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Payments.Security.Tests.Endpoints;

/// <summary>A request that routing sends to the endpoint: its method and its route with a sample value per parameter.</summary>
public static class EndpointRequests
{
    public static HttpRequestMessage For(RouteEndpoint endpoint, Uri listener, string? token)
    {
        var method = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.FirstOrDefault() ?? HttpMethods.Get;
        var request = new HttpRequestMessage(new HttpMethod(method), new Uri(listener, PathOf(endpoint.RoutePattern)));
        if (method is not "GET" and not "HEAD" and not "DELETE")
        {
            request.Content = JsonContent.Create(new { });
        }

        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", token);
        }

        return request;
    }

    public static string Describe(RouteEndpoint endpoint) =>
        $"{endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.FirstOrDefault() ?? "GET"} {endpoint.RoutePattern.RawText}";

    private static string PathOf(RoutePattern pattern)
    {
        var segments = pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            // A number where the route wants one ({id:long}), else a UUID ({id}, {id:guid}): each names nothing that exists.
            RoutePatternParameterPart parameter when parameter.ParameterPolicies.Any(p => p.Content is "long" or "int") =>
                Random.Shared.NextInt64(1L << 40, 1L << 50).ToString(System.Globalization.CultureInfo.InvariantCulture),
            RoutePatternParameterPart => Guid.NewGuid().ToString(),
            _ => "",
        })));
        return "/" + string.Join('/', segments);
    }
}
