using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Payments.ProviderSimulator.Tests.Infrastructure;

namespace Payments.ProviderSimulator.Tests.Security;

/// <summary>
/// Every /sim control needs one of Simulator:AdminKeys as a Bearer token; the Stripe API key is not one, an admin
/// key opens nothing under /v1, and the health endpoints stay open.
/// </summary>
public sealed partial class When_the_controls_are_called : IAsyncLifetime
{
    private readonly SimulatorApp _app = new();

    public static TheoryData<string, string> Controls => new()
    {
        { "GET", "/sim/endpoints" },
        { "POST", "/sim/endpoints" },
        { "GET", "/sim/endpoints/we_unknown" },
        { "DELETE", "/sim/endpoints/we_unknown" },
        { "GET", "/sim/faults" },
        { "PUT", "/sim/faults" },
        { "GET", "/sim/stats" },
        { "GET", "/sim/deliveries" },
    };

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [MemberData(nameof(Controls))]
    public async Task Should_answer_401_problem_without_a_key(string method, string path) =>
        await ShouldBeRefusedAsync(await SendAsync(null, method, path), "Bearer realm=\"simulator\"");

    [Theory]
    [MemberData(nameof(Controls))]
    public async Task Should_answer_401_problem_with_an_unknown_key(string method, string path) =>
        await ShouldBeRefusedAsync(await SendAsync("sim_admin_guessed", method, path), "Bearer realm=\"simulator\", error=\"invalid_token\"");

    [Theory]
    [MemberData(nameof(Controls))]
    public async Task Should_not_take_the_Stripe_api_key_for_an_admin_key(string method, string path) =>
        await ShouldBeRefusedAsync(await SendAsync(SimulatorApp.ApiKey, method, path), "Bearer realm=\"simulator\", error=\"invalid_token\"");

    [Theory]
    [MemberData(nameof(Controls))]
    public async Task Should_serve_a_caller_with_an_admin_key(string method, string path)
    {
        var response = await SendAsync(SimulatorApp.AdminKey, method, path);

        response.StatusCode.ShouldBeOneOf(HttpStatusCode.OK, HttpStatusCode.Created, HttpStatusCode.NotFound);
    }

    /// <summary>
    /// Every /sim endpoint the simulator maps (its EndpointDataSource, not the list above), called without a key: a
    /// control mapped later without the admin-key filter fails here.
    /// </summary>
    [Fact]
    public async Task Should_refuse_every_control_it_maps_without_a_key()
    {
        _ = _app.Server; // builds the host, so its endpoints are mapped
        var controls = _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/sim", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => (Method: method, Path: RouteParameter().Replace(e.RoutePattern.RawText!, "we_unknown"))))
            .ToList();
        controls.Count.ShouldBeGreaterThanOrEqualTo(Controls.Count);

        var failures = new List<string>();
        foreach (var (method, path) in controls)
        {
            using var response = await SendAsync(null, method, path);
            if (response.StatusCode != HttpStatusCode.Unauthorized)
            {
                failures.Add($"{method} {path}: {(int)response.StatusCode}");
            }
        }

        failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task Should_change_nothing_for_a_caller_without_a_key()
    {
        var before = await _app.Sim().EndpointsTextAsync();

        await SendAsync(null, "POST", "/sim/endpoints");
        await SendAsync("sim_admin_guessed", "PUT", "/sim/faults");

        (await _app.Sim().EndpointsTextAsync()).ShouldBe(before);
        (await _app.Client(SimulatorApp.AdminKey).GetFromJsonAsync<JsonElement>("/sim/faults", TestContext.Current.CancellationToken))
            .GetProperty("drop_rate").GetDouble().ShouldBe(0);
    }

    [Fact]
    public async Task Should_not_open_the_Stripe_api_with_an_admin_key()
    {
        var response = await _app.Client(SimulatorApp.AdminKey).GetAsync("/v1/payment_intents", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Should_keep_the_health_endpoints_open(string path)
    {
        var response = await _app.Client(null).GetAsync(path, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static async Task ShouldBeRefusedAsync(HttpResponseMessage response, string challenge)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        response.Headers.WwwAuthenticate.ToString().ShouldBe(challenge);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        problem.GetProperty("status").GetInt32().ShouldBe(401);
        problem.GetProperty("detail").GetString()!.ShouldContain("Simulator:AdminKeys");
    }

    /// <summary>The request a real caller would make: a valid body where the control takes one.</summary>
    private async Task<HttpResponseMessage> SendAsync(string? bearer, string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Content = (method, path) switch
        {
            ("POST", "/sim/endpoints") => JsonContent.Create(new { scheme = "stripe", url = "http://127.0.0.1:9/hook" }),
            ("PUT", "/sim/faults") => JsonContent.Create(new { drop_rate = 0.5 }),
            _ => null,
        };
        return await _app.Client(bearer).SendAsync(request, TestContext.Current.CancellationToken);
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
