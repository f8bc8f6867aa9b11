using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Payments.Security.Tests.Infrastructure;
using Payments.ServiceDefaults.Security;
using Payments.Testing.Security;

namespace Payments.Security.Tests.Endpoints;

/// <summary>
/// Every endpoint every service maps (its EndpointDataSource), called over real HTTP: apart from health checks and the
/// signed webhook, none answers a caller without a valid token (401) or without the scope (403), and operator
/// endpoints exist only on the management listener. A new endpoint mapped without protection fails here. Operations has
/// one listener, its management listener: everything it maps but health and the console's static files is an operator
/// endpoint (docs/decisions/0029-operations-api-is-an-operator-surface.md).
/// </summary>
[Collection(SecurityCollection.Name)]
public sealed class When_an_endpoint_is_called_without_the_right_token(SecuritySystem system)
{
    public static readonly TheoryData<string> Services = ["orders", "notifications", "reconciliation", "ingress", "operations"];

    /// <summary>Every service but Operations, whose one listener is its management listener.</summary>
    public static readonly TheoryData<string> ServicesWithAPublicListener = ["orders", "notifications", "reconciliation", "ingress"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Should_refuse_an_anonymous_caller_with_401_problem_json(string name)
    {
        var service = system.Named(name);
        var failures = new List<string>();
        foreach (var endpoint in Protected(service))
        {
            using var http = new HttpClient();
            using var response = await http.SendAsync(EndpointRequests.For(endpoint, ListenerOf(service, endpoint), token: null), Ct);
            if (response.StatusCode != HttpStatusCode.Unauthorized
                || response.Content.Headers.ContentType?.MediaType != "application/problem+json"
                || !response.Headers.WwwAuthenticate.Any(h => h.Scheme == "Bearer"))
            {
                failures.Add($"{EndpointRequests.Describe(endpoint)}: {(int)response.StatusCode} {response.Content.Headers.ContentType?.MediaType} " +
                             $"WWW-Authenticate: {response.Headers.WwwAuthenticate}");
            }
        }

        failures.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Should_refuse_a_token_without_the_scope_with_403_problem_json(string name)
    {
        var service = system.Named(name);
        var failures = new List<string>();
        foreach (var endpoint in Protected(service))
        {
            // Every scope there is but the ones this endpoint requires, for the right audience.
            var required = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToHashSet();
            var token = TestTokens.For(service.Audience!, [.. Scopes.All.Where(s => !required.Contains(s))]);
            using var http = new HttpClient();
            using var response = await http.SendAsync(EndpointRequests.For(endpoint, ListenerOf(service, endpoint), token), Ct);
            if (response.StatusCode != HttpStatusCode.Forbidden || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                failures.Add($"{EndpointRequests.Describe(endpoint)} (requires [{string.Join(", ", required)}]): " +
                             $"{(int)response.StatusCode} {response.Content.Headers.ContentType?.MediaType}");
            }
        }

        failures.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(ServicesWithAPublicListener))]
    public async Task Should_not_serve_operator_endpoints_on_the_public_listener(string name)
    {
        var service = system.Named(name);
        var failures = new List<string>();
        foreach (var endpoint in service.Endpoints.Where(e => EndpointKinds.Of(e) == EndpointKind.Operator))
        {
            using var http = new HttpClient();
            var token = TestTokens.For(service.Audience!, [.. Scopes.All]);
            using var response = await http.SendAsync(EndpointRequests.For(endpoint, service.PublicUrl, token), Ct);
            if (response.StatusCode != HttpStatusCode.NotFound)
            {
                failures.Add($"{EndpointRequests.Describe(endpoint)} on the public listener: {(int)response.StatusCode}");
            }
        }

        failures.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("orders")]
    [InlineData("notifications")]
    [InlineData("reconciliation")]
    [InlineData("ingress")]
    public async Task Should_serve_only_operator_and_health_endpoints_on_the_management_listener(string name)
    {
        var service = system.Named(name);
        var failures = new List<string>();
        foreach (var endpoint in service.Endpoints.Where(e => EndpointKinds.Of(e) == EndpointKind.Business))
        {
            using var http = new HttpClient();
            var token = TestTokens.For(service.Audience!, [.. Scopes.All]);
            using var response = await http.SendAsync(EndpointRequests.For(endpoint, service.ManagementUrl, token), Ct);
            if (response.StatusCode != HttpStatusCode.NotFound)
            {
                failures.Add($"{EndpointRequests.Describe(endpoint)} on the management listener: {(int)response.StatusCode}");
            }
        }

        failures.ShouldBeEmpty();
        using var health = new HttpClient();
        (await health.GetAsync(new Uri(service.ManagementUrl, "/health/ready"), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await health.GetAsync(new Uri(service.PublicUrl, "/health/ready"), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public void Should_map_nothing_but_operator_health_and_console_endpoints_on_operations()
    {
        // Operations' listener is a management listener: an endpoint of any other kind would be the first it serves to
        // someone who is not an operator.
        var kinds = system.Operations.Endpoints.GroupBy(EndpointKinds.Of).ToDictionary(g => g.Key, g => g.Select(EndpointRequests.Describe).Order().ToArray());
        kinds.Keys.Order().ToArray().ShouldBe([EndpointKind.Health, EndpointKind.ApiDocument, EndpointKind.Operator, EndpointKind.ConsoleAsset],
            string.Join("; ", kinds.Select(k => $"{k.Key}: {string.Join(", ", k.Value)}")));
        kinds[EndpointKind.Operator].ShouldAllBe(e => e.Contains(" /api/"));
        kinds[EndpointKind.Operator].Length.ShouldBeGreaterThanOrEqualTo(10);
        kinds[EndpointKind.ConsoleAsset].ShouldContain("GET index.html");
    }

    [Fact]
    public async Task Should_serve_the_console_assets_anonymously_as_static_files()
    {
        var failures = new List<string>();
        foreach (var endpoint in system.Operations.Endpoints.Where(e => EndpointKinds.Of(e) == EndpointKind.ConsoleAsset))
        {
            using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
            using var response = await http.SendAsync(EndpointRequests.For(endpoint, system.Operations.PublicUrl, token: null), Ct);
            var served = endpoint.RoutePattern.RawText == "/"
                ? response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString == "/index.html"
                : response.StatusCode == HttpStatusCode.OK
                  && response.Content.Headers.ContentType?.MediaType is "text/html" or "text/css" or "text/javascript" or "application/javascript"
                  && response.Headers.TryGetValues("Content-Security-Policy", out _);
            if (!served)
            {
                failures.Add($"{EndpointRequests.Describe(endpoint)}: {(int)response.StatusCode} {response.Content.Headers.ContentType?.MediaType}");
            }
        }

        failures.ShouldBeEmpty();
    }

    [Fact]
    public void Should_find_what_each_service_maps()
    {
        string[] Operator(IServiceHost s) => [.. s.Endpoints.Where(e => EndpointKinds.Of(e) == EndpointKind.Operator).Select(EndpointRequests.Describe).Order()];
        string[] Business(IServiceHost s) => [.. s.Endpoints.Where(e => EndpointKinds.Of(e) == EndpointKind.Business).Select(EndpointRequests.Describe).Order()];

        Business(system.Orders).Length.ShouldBe(2, string.Join(", ", Business(system.Orders)));
        Business(system.Notifications).ShouldBeEmpty();
        Business(system.Reconciliation).ShouldBeEmpty();
        Operator(system.Orders).Length.ShouldBeGreaterThanOrEqualTo(3);
        Operator(system.Notifications).Length.ShouldBeGreaterThanOrEqualTo(3);
        Operator(system.Reconciliation).Length.ShouldBeGreaterThanOrEqualTo(4);
        // The ingress takes signed webhooks; its one other endpoint is for operators (GET /admin/traffic).
        system.Ingress.Endpoints.Select(EndpointKinds.Of).Distinct().Order().ToArray()
            .ShouldBe([EndpointKind.Health, EndpointKind.Webhook, EndpointKind.ApiDocument, EndpointKind.Operator]);
        Operator(system.Ingress).ShouldBe(["GET /admin/traffic"]);
        // The API document is anonymous here only because these hosts run as Testing (docs/decisions/0011-openapi-documents.md).
        system.All.ShouldAllBe(s => s.Endpoints.Count(e => EndpointKinds.Of(e) == EndpointKind.ApiDocument) == 1);
        // Whatever lives under /admin is an operator endpoint, and only the ingress takes webhooks.
        system.All.SelectMany(s => s.Endpoints).Where(e => e.RoutePattern.RawText?.StartsWith("/admin", StringComparison.Ordinal) == true)
            .ShouldAllBe(e => EndpointKinds.Of(e) == EndpointKind.Operator);
        // Only the Operations console serves anonymous static files.
        system.All.Where(s => s != system.Operations).SelectMany(s => s.Endpoints).ShouldAllBe(e => EndpointKinds.Of(e) != EndpointKind.ConsoleAsset);
        new[] { system.Orders, system.Notifications, system.Reconciliation }.SelectMany(s => s.Endpoints)
            .ShouldAllBe(e => EndpointKinds.Of(e) != EndpointKind.Webhook);
    }

    private static IEnumerable<RouteEndpoint> Protected(IServiceHost service) =>
        service.Endpoints.Where(e => EndpointKinds.Of(e) is EndpointKind.Business or EndpointKind.Operator);

    private static Uri ListenerOf(IServiceHost service, RouteEndpoint endpoint) =>
        EndpointKinds.Of(endpoint) == EndpointKind.Operator ? service.ManagementUrl : service.PublicUrl;
}
