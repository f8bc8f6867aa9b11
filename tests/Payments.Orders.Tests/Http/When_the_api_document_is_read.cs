using Payments.Orders.Tests.Infrastructure;
using Payments.Testing.OpenApi;

namespace Payments.Orders.Tests.Http;

/// <summary>/openapi/v1.json of the running service: every operation, who may call it, and the bearer scheme.</summary>
[Collection(OrdersCollection.Name)]
public sealed class When_the_api_document_is_read(Infrastructure.Infrastructure infrastructure) : OrdersTest(infrastructure)
{
    [Fact]
    public async Task Should_list_every_operation_with_its_scope_and_the_jwt_bearer_scheme()
    {
        var document = await ApiDocument.FetchAsync(Scenario.App.CreateClient(), TestContext.Current.CancellationToken);

        document.Operations.ShouldBe(
            ["POST /orders", "GET /orders/{id}", "GET /admin/orders/{id}/story", "GET /admin/orders/lookup", "GET /admin/outbox/parked",
             "POST /admin/outbox/parked/{id}/requeue", "GET /admin/outbox/backlog", "GET /admin/messaging/endpoints", "GET /admin/audit"],
            ignoreOrder: true);
        document.BearerScheme.ShouldBe(("http", "bearer", "JWT"));
        document.BearerScopes("POST", "/orders").ShouldBe(["orders:write"]);
        document.BearerScopes("GET", "/orders/{id}").ShouldBe(["orders:read"]);
        document.BearerScopes("GET", "/admin/outbox/parked").ShouldBe(["payments:ops"]);
        document.BearerScopes("GET", "/admin/orders/{id}/story").ShouldBe(["payments:ops"]);
        document.BearerScopes("GET", "/admin/messaging/endpoints").ShouldBe(["payments:ops"]);
        document.Responses("POST", "/orders").ShouldBe(["201", "400", "401", "403", "422"], ignoreOrder: true);
        document.Responses("GET", "/orders/{id}").ShouldBe(["200", "400", "401", "403", "404"], ignoreOrder: true);
    }
}
