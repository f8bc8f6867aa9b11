using System.Net;
using System.Net.Http.Json;
using Payments.Ingress.Tests.Infrastructure;
using Payments.Ingress.Traffic;
using Payments.ServiceDefaults.Security;
using Payments.Testing.RabbitMq;
using Payments.Testing.Security;

namespace Payments.Ingress.Tests.Traffic;

/// <summary>GET /admin/traffic over real HTTP, after real webhooks through the real ingress and broker.</summary>
[Collection(BrokerCollection.Name)]
public sealed class When_an_operator_reads_the_traffic(RabbitMqFixture broker) : IAsyncLifetime
{
    private readonly IngressApp _app = new(broker.AmqpUri, TestTokens.Settings);
    private HttpClient _client = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _client = await _app.ReadyClientAsync();

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await broker.DeleteQueueAsync(_app.Queue, Ct);
    }

    [Fact]
    public async Task Should_count_each_sources_webhooks_and_its_refusals_by_reason()
    {
        (await _client.SendAsync(WebhookRequests.Stripe(WebhookRequests.StripePaymentIntent(eventId: "evt_traffic_1")), Ct)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await _client.SendAsync(WebhookRequests.Stripe(WebhookRequests.StripePaymentIntent(eventId: "evt_traffic_2")), Ct)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await _client.SendAsync(WebhookRequests.Stripe(WebhookRequests.StripePaymentIntent(eventId: "evt_traffic_3"), secret: "whsec_not_ours_0123456789"), Ct))
            .StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await _client.SendAsync(WebhookRequests.Json("/webhooks/nobody", "{}"), Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/traffic?minutes=5");
        request.Headers.Authorization = TestTokens.Bearer(ApiAudiences.Ingress, Scopes.PaymentsOps);
        using var response = await _client.SendAsync(request, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var report = (await response.Content.ReadFromJsonAsync<TrafficReport>(Ct)).ShouldNotBeNull();
        report.Minutes.ShouldBe(5);
        var stripe = report.Sources.Single(s => s.Source == "stripe");
        stripe.Received.ShouldBe(3);
        stripe.PerMinute.ShouldBeGreaterThan(0);
        stripe.Rejected.ShouldBe(new Dictionary<string, long> { ["signature_mismatch"] = 1 });
        report.Sources.Single(s => s.Source == "unknown").Rejected.ShouldBe(new Dictionary<string, long> { ["unknown_source"] = 1 });
        // Audited: the ingress has no database, so the record is a structured log entry (who, what, when, result).
        _app.Logs.Entries.ShouldContain(e => e.StartsWith("Information Payments.Ingress.Traffic.LoggedOperatorAudit: Operator action GET /admin/traffic", StringComparison.Ordinal)
            && e.Contains(" answered 200", StringComparison.Ordinal) && e.Contains(" by ", StringComparison.Ordinal), string.Join("\n", _app.Logs.Entries));
    }

    [Fact]
    public async Task Should_refuse_a_caller_without_the_operator_scope()
    {
        (await _client.GetAsync("/admin/traffic", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/traffic");
        request.Headers.Authorization = TestTokens.Bearer(ApiAudiences.Ingress, Scopes.OrdersRead);
        (await _client.SendAsync(request, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Should_answer_400_for_a_window_it_does_not_keep()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/traffic?minutes=61");
        request.Headers.Authorization = TestTokens.Bearer(ApiAudiences.Ingress, Scopes.PaymentsOps);
        using var response = await _client.SendAsync(request, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("minutes");
    }
}
