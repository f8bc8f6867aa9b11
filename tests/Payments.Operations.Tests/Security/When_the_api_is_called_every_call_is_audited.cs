using System.Net;
using System.Net.Http.Headers;
using Npgsql;
using Payments.Operations.Tests.Infrastructure;
using Payments.ServiceDefaults.Security;
using Payments.Testing.Security;

namespace Payments.Operations.Tests.Security;

/// <summary>
/// `/api` is made of operator endpoints: every call leaves one row in operations.audit, reads and refusals included,
/// as the owning services' operator endpoints do (docs/decisions/0029-operations-api-is-an-operator-surface.md).
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class When_the_api_is_called_every_call_is_audited(Servers servers) : IAsyncLifetime
{
    private OperationsApp _app = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => (_app, _) = await OperationsApp.StartAsync(servers.Broker, servers.Postgres);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Should_audit_an_anonymous_read_of_the_dead_letters_as_401()
    {
        var path = $"/api/dead-letters?orderId={Guid.NewGuid()}";

        using var response = await GetAsync(path, token: null);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await AuditRowsAsync(path)).ShouldBe([("(anonymous)", "GET /api/dead-letters/", 401)]);
    }

    [Fact]
    public async Task Should_audit_a_read_by_an_operator()
    {
        var path = $"/api/dead-letters?orderId={Guid.NewGuid()}";
        var operatorName = $"ops-{Guid.NewGuid():N}";

        using var response = await GetAsync(path, TestTokens.Create([ApiAudiences.Operations], [Scopes.PaymentsOps], subject: operatorName));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await AuditRowsAsync(path)).ShouldBe([(operatorName, "GET /api/dead-letters/", 200)]);
    }

    [Fact]
    public async Task Should_audit_a_read_without_the_operator_scope_as_403()
    {
        var path = $"/api/now?caller={Guid.NewGuid()}";
        var caller = $"client-{Guid.NewGuid():N}";

        using var response = await GetAsync(path, TestTokens.Create([ApiAudiences.Operations], [Scopes.OrdersRead], subject: caller));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await AuditRowsAsync(path)).ShouldBe([(caller, "GET /api/now", 403)]);
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string? token)
    {
        using var client = _app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await client.SendAsync(request, Ct);
    }

    private async Task<List<(string Subject, string Action, int StatusCode)>> AuditRowsAsync(string target)
    {
        await using var connection = new NpgsqlConnection(_app.Postgres);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("SELECT subject, action, status_code FROM operations.audit WHERE target = $1", connection);
        command.Parameters.AddWithValue(target);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var rows = new List<(string, string, int)>();
        while (await reader.ReadAsync(Ct))
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetInt32(2)));
        }

        return rows;
    }
}
