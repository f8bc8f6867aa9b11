using System.Net;
using System.Net.Http.Headers;
using Payments.Operations.Tests.Infrastructure;
using Payments.ServiceDefaults.Security;
using Payments.Testing.Security;

namespace Payments.Operations.Tests.Security;

[Collection(ServersCollection.Name)]
public sealed class When_the_api_is_called_without_the_operator_scope(Servers servers) : IAsyncLifetime
{
    private OperationsApp _app = null!;

    public async ValueTask InitializeAsync() => (_app, _) = await OperationsApp.StartAsync(servers.Broker, servers.Postgres);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    public static TheoryData<string, string> Endpoints => new()
    {
        { "GET", "/api/dead-letters" },
        { "POST", "/api/dead-letters/replay" },
        { "GET", "/api/parked" },
        { "GET", "/api/now" },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Should_answer_401_without_a_token(string method, string path)
    {
        using var response = await SendAsync(method, path, token: null);
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Should_answer_403_without_payments_ops(string method, string path)
    {
        using var response = await SendAsync(method, path, TestTokens.For(ApiAudiences.Operations, Scopes.OrdersRead));
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Should_answer_401_for_another_services_audience(string method, string path)
    {
        // A token for Orders is not a token for Operations, whatever its scopes: the audience fails validation (401).
        using var response = await SendAsync(method, path, TestTokens.For(ApiAudiences.Orders, Scopes.PaymentsOps));
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private async Task<HttpResponseMessage> SendAsync(string method, string path, string? token)
    {
        using var client = _app.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = new StringContent("{\"ids\":[]}", System.Text.Encoding.UTF8, "application/json");
        }

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
