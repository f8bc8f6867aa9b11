using Payments.Ingress.Tests.Infrastructure;
using Payments.Testing.OpenApi;
using Payments.Testing.RabbitMq;

namespace Payments.Ingress.Tests.Http;

/// <summary>
/// /openapi/v1.json of the running ingress: the webhook operation with its refusals and no token (its signature
/// decides), and the operators' traffic endpoint with its bearer scope.
/// </summary>
[Collection(BrokerCollection.Name)]
public sealed class When_the_api_document_is_read(RabbitMqFixture broker) : IngressTest(broker)
{
    [Fact]
    public async Task Should_list_the_webhook_operation_with_every_answer_and_no_token()
    {
        var document = await ApiDocument.FetchAsync(Client, TestContext.Current.CancellationToken);

        document.Operations.ShouldBe(["GET /admin/traffic", "POST /webhooks/{source}"], ignoreOrder: true);
        document.Responses("POST", "/webhooks/{source}")
            .ShouldBe(["200", "202", "400", "401", "403", "404", "413", "415", "429", "503"], ignoreOrder: true);
        document.BearerScopes("POST", "/webhooks/{source}").ShouldBeNull("the signature, not a token, decides");
        document.BearerScopes("GET", "/admin/traffic").ShouldBe(["payments:ops"]);
        document.BearerScheme.ShouldBe(("http", "bearer", "JWT"));
    }
}
