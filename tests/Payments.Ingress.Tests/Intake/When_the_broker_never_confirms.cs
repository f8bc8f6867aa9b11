using System.Diagnostics;
using System.Net;
using Payments.Ingress.Tests.Infrastructure;
using Payments.Testing.RabbitMq;

namespace Payments.Ingress.Tests.Intake;

[CollectionDefinition(Name)]
public sealed class FrozenBrokerCollection : ICollectionFixture<RabbitMqFixture>
{
    public const string Name = "broker-frozen";
}

/// <summary>
/// The broker goes silent (its container paused): the connection stays open and is neither blocked nor closed, so the
/// publish is written and waits for a confirm that never comes. The provider must still get its answer when
/// Ingress:ResponseBudget runs out, a 503 it retries, not a timeout it counts against the endpoint; and not much
/// earlier either, which would mean something other than the budget answered.
/// </summary>
[Collection(FrozenBrokerCollection.Name)]
public sealed class When_the_broker_never_confirms(RabbitMqFixture broker) : IAsyncLifetime
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(1);

    private readonly IngressApp _app = new(broker.AmqpUri, new Dictionary<string, string?>
    {
        ["Ingress:ResponseBudget"] = Budget.ToString("c"),
        ["Ingress:Broker:ConfirmTimeout"] = Budget.ToString("c"),
    });

    private HttpClient _client = null!;
    private bool _frozen;

    public async ValueTask InitializeAsync() => _client = await _app.ReadyClientAsync();

    public async ValueTask DisposeAsync()
    {
        if (_frozen)
        {
            await broker.ResumeAsync(CancellationToken.None);
        }

        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Should_answer_503_with_retry_after_when_the_budget_runs_out()
    {
        var ct = TestContext.Current.CancellationToken;
        (await _client.SendAsync(WebhookRequests.Stripe(WebhookRequests.StripePaymentIntent()), ct)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await broker.FreezeAsync(ct);
        _frozen = true;

        var started = Stopwatch.GetTimestamp();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(15)); // a hang fails the test instead of the whole run
        var response = await _client.SendAsync(WebhookRequests.Stripe(WebhookRequests.StripePaymentIntent()), timeout.Token);
        var elapsed = Stopwatch.GetElapsedTime(started);

        TestContext.Current.TestOutputHelper?.WriteLine($"{(int)response.StatusCode} after {elapsed.TotalMilliseconds:0} ms (budget {Budget.TotalMilliseconds:0} ms)");
        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable, await response.Content.ReadAsStringAsync(ct));
        response.Headers.RetryAfter!.Delta.ShouldNotBeNull();
        // Not before the budget (less a little for timer granularity), and within it plus a margin for two shared cores.
        elapsed.ShouldBeInRange(Budget - TimeSpan.FromMilliseconds(100), Budget + TimeSpan.FromMilliseconds(750));
        _app.Logs.Entries.ShouldContain(l => l.Contains("did not confirm the message in time", StringComparison.Ordinal));
    }
}
