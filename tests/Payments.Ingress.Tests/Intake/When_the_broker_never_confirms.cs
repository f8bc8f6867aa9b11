using System.Diagnostics;
using System.Net;
using Payments.Ingress.Tests.Http;
using Payments.Testing.RabbitMq;

namespace Payments.Ingress.Tests.Intake;

[CollectionDefinition(Name)]
public sealed class BlockedBrokerCollection : ICollectionFixture<RabbitMqFixture>
{
    public const string Name = "broker-blocked";
}

/// <summary>
/// The broker is up but blocks publishers (memory alarm): no confirm ever comes. The provider must still get its
/// answer inside Ingress:ResponseBudget, a 503 it retries, not a timeout it counts against the endpoint.
/// </summary>
[Collection(BlockedBrokerCollection.Name)]
public sealed class When_the_broker_never_confirms(RabbitMqFixture broker) : IAsyncLifetime
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(1);

    private readonly IngressApp _app = new(broker.AmqpUri, new Dictionary<string, string?>
    {
        ["Ingress:ResponseBudget"] = Budget.ToString("c"),
        ["Ingress:Broker:ConfirmTimeout"] = Budget.ToString("c"),
    });

    private HttpClient _client = null!;

    public async ValueTask InitializeAsync() => _client = await _app.ReadyClientAsync();

    public async ValueTask DisposeAsync()
    {
        await broker.UnblockPublishersAsync(TestContext.Current.CancellationToken);
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Should_answer_503_with_retry_after_within_the_budget()
    {
        var ct = TestContext.Current.CancellationToken;
        (await _client.SendAsync(WebhookRequests.Stripe(WebhookRequests.StripePaymentIntent()), ct)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await broker.BlockPublishersAsync(ct);

        var started = Stopwatch.GetTimestamp();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(15)); // a hang fails the assertion below instead of the whole run
        var response = await _client.SendAsync(WebhookRequests.Stripe(WebhookRequests.StripePaymentIntent()), timeout.Token);
        var elapsed = Stopwatch.GetElapsedTime(started);

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter!.Delta.ShouldNotBeNull();
        // The budget plus margin for two shared cores; the test server adds no network.
        elapsed.ShouldBeLessThan(Budget + TimeSpan.FromMilliseconds(750), $"answered after {elapsed.TotalMilliseconds:0} ms");
        TestContext.Current.TestOutputHelper?.WriteLine($"503 after {elapsed.TotalMilliseconds:0} ms (budget {Budget.TotalMilliseconds:0} ms)");
        (await broker.MessageCountAsync(_app.Queue, ct)).ShouldBe(1u, "only the webhook answered 202 is in the queue");
    }
}
