using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Payments.Operations.Now;
using Payments.Operations.ServiceApis;
using Payments.Operations.Tests.Infrastructure;
using Payments.ServiceDefaults.Security;
using Payments.Testing.Security;
using Payments.Testing.Services;

namespace Payments.Operations.Tests.Now;

/// <summary>
/// GET /api/now's webhook figures, from the real ingress (a process, its operator endpoint called with the operator's
/// own token) after real webhooks: verified ones of a kind nothing acts on (answered 200, nothing published, so the
/// collection's Orders sees nothing) and forged ones.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class When_an_operator_reads_now(Servers servers) : IAsyncLifetime
{
    private const string Secret = "whsec_operations_now_tests_0123456789";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ServiceProcess _ingress = null!;

    public async ValueTask InitializeAsync()
    {
        _ingress = new ServiceProcess("Payments.Ingress")
            .With("ConnectionStrings:RabbitMq", servers.Broker.AmqpUri)
            .With("Ingress:Sources:stripe:Scheme", "stripe")
            .With("Ingress:Sources:stripe:Secrets:0", Secret)
            .With("Logging:LogLevel:Default", "Warning");
        await _ingress.StartAsync(cancellationToken: Ct);
    }

    public async ValueTask DisposeAsync() => await _ingress.DisposeAsync();

    [Fact]
    public async Task Should_show_webhooks_per_source_and_refusals_by_reason()
    {
        using var webhooks = new HttpClient { BaseAddress = new Uri(_ingress.BaseUrl) };
        for (var i = 0; i < 2; i++)
        {
            (await webhooks.SendAsync(Stripe("{\"id\":\"evt_now_" + i + "\",\"type\":\"customer.created\",\"data\":{\"object\":{}}}", Secret), Ct))
                .StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        (await webhooks.SendAsync(Stripe("""{"id":"evt_now_forged","type":"payment_intent.succeeded"}""", "whsec_not_ours_0123456789"), Ct))
            .StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var (app, client) = await OperationsApp.StartAsync(servers.Broker, servers.Postgres,
            new Dictionary<string, string?> { ["Operations:Services:Ingress:BaseUrl"] = _ingress.BaseUrl });
        await using var _ = app;
        // One operator token for Operations and the ingress, as run.sh mints it: Operations forwards it.
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            TestTokens.Create([ApiAudiences.Operations, ApiAudiences.Ingress], [Scopes.PaymentsOps], subject: "operator-now"));

        var now = (await client.GetFromJsonAsync<NowSnapshot>("/api/now", Ct)).ShouldNotBeNull();

        now.Unavailable.ShouldNotContain(u => u.Service == "ingress");
        now.Webhooks.ShouldNotBeNull().ShouldHaveSingleItem().ShouldBe(new WebhookRate("stripe", now.Webhooks![0].PerMinute, Received: 3, Rejected: 1));
        now.Webhooks[0].PerMinute.ShouldBeGreaterThan(0);
        now.WebhookRejections.ShouldBe([new WebhookRejections("stripe", "signature_mismatch", 1)]);
    }

    [Fact]
    public async Task Should_name_the_ingress_when_it_does_not_answer()
    {
        var (app, client) = await OperationsApp.StartAsync(servers.Broker, servers.Postgres);
        await using var _ = app;

        var now = (await client.GetFromJsonAsync<NowSnapshot>("/api/now", Ct)).ShouldNotBeNull();

        now.Webhooks.ShouldBeNull();
        now.WebhookRejections.ShouldBeNull();
        now.Unavailable.ShouldContain(u => u.Service == "ingress");
    }

    [Fact]
    public async Task Should_name_a_service_that_accepts_but_never_answers_within_the_operator_call_budget()
    {
        // A hung ingress: it accepts the connection and never writes a byte back.
        using var hung = new TcpListener(IPAddress.Loopback, 0);
        hung.Start(backlog: 16);
        var (app, client) = await OperationsApp.StartAsync(servers.Broker, servers.Postgres, new Dictionary<string, string?>
        {
            ["Operations:Services:Ingress:BaseUrl"] = $"http://127.0.0.1:{((IPEndPoint)hung.LocalEndpoint).Port}",
        });
        await using var _ = app;

        var clock = Stopwatch.StartNew();
        var now = (await client.GetFromJsonAsync<NowSnapshot>("/api/now", Ct)).ShouldNotBeNull();
        clock.Stop();

        now.Unavailable.ShouldContain(u => u.Service == "ingress");
        now.Webhooks.ShouldBeNull();
        // The operator waits at most the total budget (plus the other sources, which answer at once), not the standard
        // handler's 30 s.
        clock.Elapsed.ShouldBeLessThan(OperatorCallResilience.TotalTimeout + TimeSpan.FromSeconds(4));
    }

    private static HttpRequestMessage Stripe(string body, string secret)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/stripe") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("Stripe-Signature", $"t={timestamp},v1={signature}");
        return request;
    }
}
