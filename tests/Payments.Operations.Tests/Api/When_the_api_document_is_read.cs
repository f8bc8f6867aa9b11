using Payments.Operations.Tests.Infrastructure;
using Payments.Testing.OpenApi;

namespace Payments.Operations.Tests.Api;

/// <summary>/openapi/v1.json of the running service: every `/api` operation, each behind payments:ops.</summary>
[Collection(ServersCollection.Name)]
public sealed class When_the_api_document_is_read(Servers servers) : IAsyncLifetime
{
    private OperationsApp _app = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync() => (_app, _client) = await OperationsApp.StartAsync(servers.Broker, servers.Postgres);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Should_list_every_operation_behind_the_operator_scope_and_the_jwt_bearer_scheme()
    {
        var document = await ApiDocument.FetchAsync(_client, TestContext.Current.CancellationToken);

        document.Operations.ShouldBe(
            ["GET /api/dead-letters", "GET /api/dead-letters/{id}", "POST /api/dead-letters/replay", "POST /api/dead-letters/discard",
             "GET /api/parked", "POST /api/parked/{service}/{id}/requeue", "POST /api/parked/{service}/{id}/resend",
             "GET /api/now", "GET /api/payments/{orderId}/timeline", "GET /api/payments/lookup"],
            ignoreOrder: true);
        document.BearerScheme.ShouldBe(("http", "bearer", "JWT"));
        foreach (var operation in document.Operations)
        {
            var (method, path) = (operation.Split(' ')[0], operation.Split(' ')[1]);
            document.BearerScopes(method, path).ShouldBe(["payments:ops"], operation);
        }
    }
}
