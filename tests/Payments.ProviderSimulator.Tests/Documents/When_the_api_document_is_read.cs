using System.Net;
using Payments.ProviderSimulator.Tests.Infrastructure;
using Payments.Testing.OpenApi;

namespace Payments.ProviderSimulator.Tests.Documents;

/// <summary>
/// /openapi/v1.json of the running simulator: the Stripe-compatible and LiqPay surfaces, the /sim controls behind the
/// admin key; the browsable page only in Development, and no document at all in Production.
/// </summary>
public sealed class When_the_api_document_is_read
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Should_list_the_provider_apis_and_the_controls_behind_the_admin_key()
    {
        await using var app = new SimulatorApp();

        var document = await ApiDocument.FetchAsync(app.Client(null), Ct);

        foreach (var operation in new[]
                 {
                     "POST /v1/payment_intents", "GET /v1/payment_intents/{id}", "POST /v1/payment_intents/{id}/confirm",
                     "POST /v1/refunds", "POST /v1/webhook_endpoints", "DELETE /v1/webhook_endpoints/{id}", "GET /v1/charges/{id}",
                     "POST /api/request", "GET /sim/faults", "PUT /sim/faults", "POST /sim/endpoints", "GET /sim/deliveries", "GET /sim/stats",
                 })
        {
            document.Operations.ShouldContain(operation);
        }

        document.BearerScheme.ShouldBe(("http", "bearer", null));
        document.BearerScopes("PUT", "/sim/faults").ShouldBe(["simulator:admin"]);
        document.BearerScopes("POST", "/v1/payment_intents").ShouldBeNull("the Stripe surface checks its API key itself");
    }

    [Fact]
    public async Task Should_serve_the_browsable_page_in_Development_only()
    {
        await using var development = new SimulatorApp(environment: "Development");
        await using var testing = new SimulatorApp();

        var page = await development.Client(null).GetAsync("/scalar", Ct);
        var elsewhere = await testing.Client(null).GetAsync("/scalar", Ct);

        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        elsewhere.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Should_not_serve_the_document_in_Production()
    {
        await using var app = new SimulatorApp(environment: "Production");

        var response = await app.Client(null).GetAsync(ApiDocument.Path, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
