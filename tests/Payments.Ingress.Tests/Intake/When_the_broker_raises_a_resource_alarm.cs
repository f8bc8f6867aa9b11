using System.Diagnostics;
using System.Net;
using Payments.Ingress.Tests.Infrastructure;
using Payments.Testing;
using Payments.Testing.Health;
using Payments.Testing.RabbitMq;

namespace Payments.Ingress.Tests.Intake;

[CollectionDefinition(Name)]
public sealed class BlockedBrokerCollection : ICollectionFixture<RabbitMqFixture>
{
    public const string Name = "broker-blocked";
}

/// <summary>
/// The broker raises its memory alarm and blocks the connection (connection.blocked): the ingress counts that as the
/// broker being unavailable, so it answers 503 with Retry-After at once rather than after its confirm timeout, and
/// reports not ready (each probe answering within its own deadline); when the alarm clears, webhooks are accepted again.
/// </summary>
[Collection(BlockedBrokerCollection.Name)]
public sealed class When_the_broker_raises_a_resource_alarm(RabbitMqFixture broker) : IAsyncLifetime
{
    private static readonly TimeSpan ConfirmTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan ProbeDeadline = TimeSpan.FromSeconds(3);

    private readonly IngressApp _app = new(broker.AmqpUri, new Dictionary<string, string?>
    {
        ["Ingress:ResponseBudget"] = TimeSpan.FromSeconds(15).ToString("c"),
        ["Ingress:Broker:ConfirmTimeout"] = ConfirmTimeout.ToString("c"),
    });

    private HttpClient _client = null!;

    public async ValueTask InitializeAsync() => _client = await _app.ReadyClientAsync();

    public async ValueTask DisposeAsync()
    {
        await broker.UnblockPublishersAsync(TestContext.Current.CancellationToken);
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Should_answer_503_at_once_report_not_ready_and_accept_again_when_it_clears()
    {
        var ct = TestContext.Current.CancellationToken;
        // The broker tells a connection it is blocked when the connection next publishes.
        (await _client.SendAsync(WebhookRequests.Stripe(WebhookRequests.StripePaymentIntent()), ct)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await broker.BlockPublishersAsync(ct);
        // A connection that publishes during the alarm is told at the latest then; its own answer is not this test's question.
        var first = _client.SendAsync(WebhookRequests.Stripe(WebhookRequests.StripePaymentIntent()), ct);
        await Eventually.TrueAsync(async () => (await _client.GetAsync("/health/ready", ct)).StatusCode == HttpStatusCode.ServiceUnavailable,
            TimeSpan.FromSeconds(5), "readiness to report the blocked broker", ct);
        await Readiness.ShouldAnswerPromptlyAsync(_client, HttpStatusCode.ServiceUnavailable, ProbeDeadline, cancellationToken: ct);

        var started = Stopwatch.GetTimestamp();
        var response = await _client.SendAsync(WebhookRequests.Stripe(WebhookRequests.StripePaymentIntent()), ct);
        var elapsed = Stopwatch.GetElapsedTime(started);

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter!.Delta.ShouldNotBeNull();
        elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(1), $"answered after {elapsed.TotalMilliseconds:0} ms, confirm timeout {ConfirmTimeout.TotalSeconds} s");

        await broker.UnblockPublishersAsync(ct);
        await first;
        await Eventually.TrueAsync(async () => (await _client.GetAsync("/health/ready", ct)).IsSuccessStatusCode,
            TimeSpan.FromSeconds(15), "readiness once the alarm cleared", ct);
        (await _client.SendAsync(WebhookRequests.Stripe(WebhookRequests.StripePaymentIntent()), ct)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
    }
}
