using System.Net;
using System.Net.Http.Json;
using Npgsql;
using Payments.ServiceDefaults.Security;
using Payments.Testing;
using Payments.Testing.Postgres;
using Payments.Testing.RabbitMq;
using Payments.Testing.Security;
using Payments.Testing.Services;

namespace Payments.Chaos.Tests;

/// <summary>
/// Another client takes every connection PostgreSQL allows (max_connections 20, too_many_connections for anyone else):
/// Orders says it is not ready and why, answers a request that needs the database 503 with Retry-After, and works
/// again without a restart once the connections are released (docs/decisions/0027-out-of-database-connections.md).
/// </summary>
public sealed class When_the_database_runs_out_of_connections : IAsyncLifetime
{
    private readonly RabbitMqFixture _broker = new();
    private readonly PostgresFixture _postgres = new() { MaxConnections = 20 };
    private readonly List<NpgsqlConnection> _held = [];
    private ServiceProcess? _orders;

    private readonly HttpClient _http = new()
    {
        Timeout = TimeSpan.FromSeconds(10),
        DefaultRequestHeaders = { Authorization = TestTokens.Bearer(ApiAudiences.Orders, Scopes.OrdersWrite, Scopes.OrdersRead) },
    };

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        await Task.WhenAll(_broker.InitializeAsync().AsTask(), _postgres.InitializeAsync().AsTask());
        var database = await _postgres.CreateDatabaseAsync("orders", ct);
        _orders = new ServiceProcess("Payments.Orders").With("ConnectionStrings:RabbitMq", _broker.AmqpUri)
            .With("ConnectionStrings:Postgres", database).With("Provider:BaseUrl", "http://127.0.0.1:9")
            .With("Provider:ApiKey", "sk_test_unused");
        await _orders.StartAsync(cancellationToken: ct);
    }

    [Fact]
    public async Task Should_be_not_ready_and_answer_503_until_the_connections_are_released()
    {
        var ct = TestContext.Current.CancellationToken;
        var orders = _orders!;
        (await PlaceOrderAsync(orders, ct)).StatusCode.ShouldBe(HttpStatusCode.Created);

        await TakeEveryConnectionAsync(ct);

        var ready = await Eventually.ValueAsync(() => _http.GetAsync($"{orders.BaseUrl}/health/ready", ct),
            r => !r.IsSuccessStatusCode, TimeSpan.FromSeconds(30), "Orders to report not ready", ct);
        ready.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        var body = await ready.Content.ReadFromJsonAsync<ReadyAnswer>(ct);
        body!.Checks["postgres"].ShouldBe("Unhealthy", "the ready answer names the database");

        using var refused = await PlaceOrderAsync(orders, ct);
        refused.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable, await refused.Content.ReadAsStringAsync(ct));
        refused.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        refused.Headers.RetryAfter.ShouldNotBeNull("a 503 says when to retry");

        await ReleaseAsync();

        await Eventually.ValueAsync(() => _http.GetAsync($"{orders.BaseUrl}/health/ready", ct),
            r => r.IsSuccessStatusCode, TimeSpan.FromSeconds(30), "Orders to be ready again without a restart", ct);
        (await PlaceOrderAsync(orders, ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
        orders.IsRunning.ShouldBeTrue();
    }

    private async Task<HttpResponseMessage> PlaceOrderAsync(ServiceProcess orders, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{orders.BaseUrl}/orders")
        {
            Content = JsonContent.Create(new { amountMinor = 1500, currency = "EUR", customerEmail = "pool@example.com" }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return await _http.SendAsync(request, ct);
    }

    /// <summary>
    /// Opens connections until the server refuses one, and ends every other client's backend (the service's pooled
    /// connections would otherwise go on working), until the only client sessions left are the ones held here.
    /// </summary>
    private async Task TakeEveryConnectionAsync(CancellationToken ct)
    {
        var unpooled = new NpgsqlConnectionStringBuilder(_postgres.ConnectionString) { Pooling = false }.ConnectionString;
        for (var round = 0; round < 50; round++)
        {
            while (true)
            {
                var connection = new NpgsqlConnection(unpooled);
                try
                {
                    await connection.OpenAsync(ct);
                    _held.Add(connection);
                }
                catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.TooManyConnections)
                {
                    await connection.DisposeAsync();
                    break;
                }
            }

            var ours = string.Join(",", _held.Select(c => c.ProcessID));
            await using var terminate = new NpgsqlCommand(
                $"SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid NOT IN ({ours})", _held[0]);
            if ((long)(await terminate.ExecuteScalarAsync(ct))! == 0)
                return;
        }

        throw new InvalidOperationException("Could not take every connection within 50 rounds.");
    }

    private async Task ReleaseAsync()
    {
        foreach (var connection in _held)
            await connection.DisposeAsync();
        _held.Clear();
    }

    private sealed record ReadyAnswer(string Status, Dictionary<string, string> Checks);

    public async ValueTask DisposeAsync()
    {
        await ReleaseAsync();
        _http.Dispose();
        if (_orders is not null)
            await _orders.DisposeAsync();
        await _postgres.DisposeAsync();
        await _broker.DisposeAsync();
    }
}
