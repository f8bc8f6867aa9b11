using Payments.Reconciliation.Endpoints;
using Payments.Reconciliation.Tests.Infrastructure;

namespace Payments.Reconciliation.Tests.Endpoints;

/// <summary>
/// scripts/register-webhook.sh against the real provider simulator: it creates the endpoint with the source's URL,
/// the events the ingress acts on and the source in its metadata, prints the signing secret, and refuses a second
/// endpoint for the same URL (which would deliver every event twice, under another secret).
/// </summary>
public sealed class When_a_webhook_endpoint_is_registered : IAsyncLifetime
{
    private const string Url = "http://127.0.0.1:5997/webhooks/stripe";
    private Simulator _provider = null!;

    public async ValueTask InitializeAsync() => _provider = await Simulator.StartAsync();

    public async ValueTask DisposeAsync() => await _provider.DisposeAsync();

    [Fact]
    public async Task Should_create_it_print_its_secret_and_refuse_the_same_url_twice()
    {
        var (exitCode, output, errors) = await RegisterWebhookTool.RunAsync(_provider.BaseUrl, Keys.ApiKey, "stripe", "--url", Url);

        exitCode.ShouldBe(0, errors);
        output.Split('\n').Select(l => l.Trim()).ShouldContain(l => l.StartsWith("whsec_", StringComparison.Ordinal), output);
        var endpoint = (await _provider.ListWebhookEndpointsAsync()).ShouldHaveSingleItem();
        endpoint.GetProperty("url").GetString().ShouldBe(Url);
        endpoint.GetProperty("status").GetString().ShouldBe("enabled");
        endpoint.GetProperty("enabled_events").EnumerateArray().Select(e => e.GetString()).ShouldBe(
            ["payment_intent.succeeded", "payment_intent.payment_failed", "charge.refunded"], ignoreOrder: true);
        endpoint.GetProperty("metadata").GetProperty(RegisteredEndpoint.SourceKey).GetString().ShouldBe("stripe");

        var again = await RegisterWebhookTool.RunAsync(_provider.BaseUrl, Keys.ApiKey, "stripe", "--url", Url);

        again.ExitCode.ShouldBe(1, again.Output + again.Errors);
        again.Errors.ShouldContain($"The provider already calls {Url}");
        again.Errors.ShouldContain(endpoint.GetProperty("id").GetString()!);
        (await _provider.ListWebhookEndpointsAsync()).Count.ShouldBe(1);
    }
}
