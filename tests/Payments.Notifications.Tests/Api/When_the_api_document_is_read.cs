using Payments.Notifications.Tests.Infrastructure;
using Payments.Testing.OpenApi;

namespace Payments.Notifications.Tests.Api;

/// <summary>/openapi/v1.json of the running service: its operator operations, each behind payments:ops.</summary>
[Collection(NotificationsCollection.Name)]
public sealed class When_the_api_document_is_read(Infrastructure.Infrastructure infrastructure) : NotificationsTest(infrastructure)
{
    [Fact]
    public async Task Should_list_every_operation_behind_the_operator_scope_and_the_jwt_bearer_scheme()
    {
        var document = await ApiDocument.FetchAsync(Scenario.Client, TestContext.Current.CancellationToken);

        document.Operations.ShouldBe(["GET /notifications", "GET /notifications/parked", "GET /notifications/parked/count", "POST /notifications/{id}/resend", "GET /admin/messaging/endpoints", "GET /admin/audit"], ignoreOrder: true);
        document.BearerScheme.ShouldBe(("http", "bearer", "JWT"));
        foreach (var operation in document.Operations)
        {
            var (method, path) = (operation.Split(' ')[0], operation.Split(' ')[1]);
            document.BearerScopes(method, path).ShouldBe(["payments:ops"], operation);
        }

        document.Responses("POST", "/notifications/{id}/resend").ShouldBe(["202", "400", "401", "403", "404", "409"], ignoreOrder: true);
    }
}
