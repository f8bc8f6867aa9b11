using Payments.Reconciliation.Tests.Infrastructure;
using Payments.Testing.OpenApi;

namespace Payments.Reconciliation.Tests.Report;

/// <summary>/openapi/v1.json of the running service: its operator operations, each behind payments:ops.</summary>
[Collection(SystemCollection.Name)]
public sealed class When_the_api_document_is_read(PaymentSystem system) : IAsyncLifetime
{
    private Simulator _provider = null!;
    private ReconciliationApp _app = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _provider = await Simulator.StartAsync();
        (_app, _client) = await ReconciliationApp.StartAsync(system.Broker, system.Postgres, _provider.BaseUrl);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _provider.DisposeAsync();
    }

    [Fact]
    public async Task Should_list_every_operation_behind_the_operator_scope_and_the_jwt_bearer_scheme()
    {
        var document = await ApiDocument.FetchAsync(_client, TestContext.Current.CancellationToken);

        document.Operations.ShouldBe(
            ["GET /reconciliation/report", "GET /reconciliation/endpoints", "GET /admin/payments/{orderId}/checks", "GET /admin/outbox/parked",
             "POST /admin/outbox/parked/{id}/requeue", "GET /admin/outbox/backlog", "GET /admin/messaging/endpoints", "GET /admin/audit"],
            ignoreOrder: true);
        document.BearerScheme.ShouldBe(("http", "bearer", "JWT"));
        foreach (var operation in document.Operations)
        {
            var (method, path) = (operation.Split(' ')[0], operation.Split(' ')[1]);
            document.BearerScopes(method, path).ShouldBe(["payments:ops"], operation);
        }

        document.Responses("GET", "/reconciliation/report").ShouldBe(["200", "400", "401", "403", "503"], ignoreOrder: true);
    }
}
