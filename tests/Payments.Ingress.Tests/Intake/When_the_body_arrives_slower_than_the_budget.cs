using System.Text;
using Payments.Ingress.Tests.Infrastructure;
using Payments.Ingress.Tests.Limits;
using Payments.Ingress.Tests.Signing;
using Payments.Testing.RabbitMq;

namespace Payments.Ingress.Tests.Intake;

/// <summary>
/// Ingress:ResponseBudget counts from the start of handling, reading included: a signed webhook whose body trickles in
/// for longer than the budget (but above Kestrel's minimum rate, so Kestrel does not cut it) is answered 503 with
/// Retry-After once the budget is spent, while the body is still arriving, and nothing is published.
/// </summary>
[Collection(BrokerCollection.Name)]
public sealed class When_the_body_arrives_slower_than_the_budget(RabbitMqFixture broker) : IAsyncLifetime
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(1);
    private const double BytesPerSecond = 100; // the body below takes about 3 s

    private readonly IngressApp _app = new(broker.AmqpUri, new Dictionary<string, string?>
    {
        ["Ingress:ResponseBudget"] = Budget.ToString("c"),
        ["Ingress:Broker:ConfirmTimeout"] = Budget.ToString("c"),
        ["Kestrel:Limits:MinRequestBodyDataRate:BytesPerSecond"] = "10",
        ["Kestrel:Limits:MinRequestBodyDataRate:GracePeriod"] = "00:00:05",
    });

    private Uri _server = null!;

    public async ValueTask InitializeAsync() => _server = await _app.StartOnSocketAsync();

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await broker.DeleteQueueAsync(_app.Queue, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Should_answer_503_with_retry_after_when_the_budget_runs_out_and_publish_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var body = Encoding.UTF8.GetBytes(WebhookRequests.StripePaymentIntent());
        var signature = TestSigner.Stripe(TestSecrets.Stripe, TestSigner.Now, Encoding.UTF8.GetString(body));
        var prefix = $"POST /webhooks/stripe HTTP/1.1\r\nHost: {_server.Authority}\r\nContent-Type: application/json\r\n"
                     + $"Stripe-Signature: {signature}\r\nContent-Length: {body.Length}\r\n\r\n";
        (body.Length / BytesPerSecond).ShouldBeGreaterThan(2 * Budget.TotalSeconds, "the body must outlast the budget");

        var (head, elapsed) = await SlowClient.AnswerWhileTricklingAsync(_server, prefix, body, BytesPerSecond, ct);

        TestContext.Current.TestOutputHelper?.WriteLine($"answered after {elapsed.TotalMilliseconds:0} ms (budget {Budget.TotalMilliseconds:0} ms):\n{head}");
        head.ShouldStartWith("HTTP/1.1 503");
        head.ShouldContain("Retry-After: ", Case.Insensitive);
        elapsed.ShouldBeInRange(Budget - TimeSpan.FromMilliseconds(100), Budget + TimeSpan.FromMilliseconds(750));
        (await broker.MessageCountAsync(_app.Queue, ct)).ShouldBe(0u, "nothing answered 503 may be enqueued");
    }
}
