using System.Net;
using System.Text.Json;
using Payments.Ingress.Tests.Infrastructure;
using Payments.Testing.RabbitMq;

namespace Payments.Ingress.Tests.Limits;

[Collection(BrokerCollection.Name)]
public sealed class When_a_source_sends_too_fast(RabbitMqFixture broker) : IAsyncLifetime
{
    private const int Burst = 3;

    private readonly IngressApp _app = new(broker.AmqpUri, new Dictionary<string, string?>
    {
        ["Ingress:Sources:stripe:RateLimit:PermitsPerSecond"] = "1",
        ["Ingress:Sources:stripe:RateLimit:Burst"] = Burst.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    private HttpClient _client = null!;

    public async ValueTask InitializeAsync() => _client = await _app.ReadyClientAsync();

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await broker.DeleteQueueAsync(_app.Queue, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Should_answer_429_with_retry_after_beyond_the_burst_count_it_and_publish_only_what_it_let_in()
    {
        var ct = TestContext.Current.CancellationToken;
        using var rejections = new RejectionCounter();

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            _client.SendAsync(WebhookRequests.Stripe(WebhookRequests.StripePaymentIntent()), ct)));

        var accepted = responses.Count(r => r.StatusCode == HttpStatusCode.Accepted);
        var limited = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        // The burst, plus at most one token if the bucket's one-second refill fell between the requests.
        accepted.ShouldBeInRange(Burst, Burst + 1);
        limited.Count.ShouldBe(10 - accepted);
        var first = limited[0];
        first.Headers.RetryAfter.ShouldNotBeNull().Delta.ShouldNotBeNull().TotalSeconds.ShouldBeInRange(1, 2);
        first.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        using var problem = JsonDocument.Parse(await first.Content.ReadAsStringAsync(ct));
        problem.RootElement.GetProperty("reason").GetString().ShouldBe("rate_limited");
        problem.RootElement.GetProperty("status").GetInt32().ShouldBe(429);
        rejections["stripe", "rate_limited"].ShouldBe(limited.Count);
        (await broker.MessageCountAsync(_app.Queue, ct)).ShouldBe((uint)accepted);
    }

    [Fact]
    public async Task Should_limit_each_source_on_its_own_whatever_the_case_of_its_name()
    {
        var ct = TestContext.Current.CancellationToken;
        for (var i = 0; i < Burst + 2; i++)
        {
            await _client.SendAsync(WebhookRequests.Stripe(WebhookRequests.StripePaymentIntent(), source: i % 2 == 0 ? "stripe" : "STRIPE"), ct);
        }

        var stripe = await _client.SendAsync(WebhookRequests.Stripe(WebhookRequests.StripePaymentIntent(), source: "Stripe"), ct);
        var acme = await _client.SendAsync(WebhookRequests.Standard(WebhookRequests.StandardPayment()), ct);

        stripe.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        acme.StatusCode.ShouldBe(HttpStatusCode.Accepted);
    }
}
