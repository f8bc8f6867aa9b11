using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Payments.ProviderSimulator.Tests.Infrastructure;

namespace Payments.ProviderSimulator.Tests.Targets;

/// <summary>
/// Webhooks go only to Simulator:AllowedReceiverHosts (by default loopback and "ingress"), whichever door a
/// receiver comes in by: /sim/endpoints, Stripe's /v1/webhook_endpoints.
/// </summary>
public sealed class When_a_receiver_is_on_a_host_not_allowed
{
    [Theory]
    [InlineData("http://example.com/hook", "example.com")]
    [InlineData("http://169.254.169.254/latest/meta-data", "169.254.169.254")]
    [InlineData("http://10.0.0.7:8080/hook", "10.0.0.7")]
    [InlineData("http://localhost.example.com/hook", "localhost.example.com")]
    public async Task Should_refuse_it_with_a_problem_naming_the_host(string url, string host)
    {
        await using var app = new SimulatorApp();
        var admin = app.Client(SimulatorApp.AdminKey);

        var response = await admin.PostAsJsonAsync("/sim/endpoints", new { scheme = "stripe", url }, TestContext.Current.CancellationToken);
        var listed = await app.Sim().EndpointsTextAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        var message = problem.GetProperty("errors").GetProperty("url")[0].GetString()!;
        message.ShouldContain($"'{host}'");
        message.ShouldContain("Simulator:AllowedReceiverHosts");
        listed.ShouldBe("[]");
    }

    [Fact]
    public async Task Should_refuse_it_through_the_Stripe_api_too()
    {
        await using var app = new SimulatorApp();
        var stripe = app.Stripe();

        var created = await stripe.PostAsync("/v1/webhook_endpoints", [("url", "https://example.com/hook"), ("enabled_events", new[] { "*" })]);
        var listed = await stripe.GetAsync("/v1/webhook_endpoints");

        created.Status.ShouldBe(HttpStatusCode.BadRequest);
        created.Error.GetProperty("param").GetString().ShouldBe("url");
        created.Error.GetProperty("message").GetString()!.ShouldContain("'example.com'");
        listed.Body.GetProperty("data").GetArrayLength().ShouldBe(0);
    }

    [Theory]
    [InlineData("http://localhost:9/hook")]
    [InlineData("http://127.0.0.1:9/hook")]
    [InlineData("http://[::1]:9/hook")]
    [InlineData("http://ingress:8080/webhooks/stripe")]
    public async Task Should_accept_the_default_hosts(string url)
    {
        await using var app = new SimulatorApp();

        var registered = await app.Sim().RegisterEndpointAsync("stripe", url);

        registered.GetProperty("url").GetString().ShouldBe(url);
    }

    [Fact]
    public async Task Should_accept_exactly_the_configured_hosts_instead_of_the_defaults()
    {
        await using var app = new SimulatorApp(new Dictionary<string, string?>
        {
            ["Simulator:AllowedReceiverHosts:0"] = "receiver.test",
        });
        var admin = app.Client(SimulatorApp.AdminKey);

        var configured = await admin.PostAsJsonAsync("/sim/endpoints",
            new { scheme = "stripe", url = "https://receiver.test/hook" }, TestContext.Current.CancellationToken);
        var loopback = await admin.PostAsJsonAsync("/sim/endpoints",
            new { scheme = "stripe", url = "http://127.0.0.1:9/hook" }, TestContext.Current.CancellationToken);

        configured.StatusCode.ShouldBe(HttpStatusCode.Created);
        loopback.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
