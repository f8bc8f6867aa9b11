using System.Net;
using System.Text;
using Payments.Reconciliation.Providers;

namespace Payments.Reconciliation.Tests.Providers;

/// <summary>A body over Provider:MaxResponseBytes is refused without being read to its end (or at all, when its length says so).</summary>
public sealed class When_a_provider_answers_a_huge_body
{
    private const long Limit = 64 * 1024;

    [Fact]
    public async Task Should_refuse_a_declared_length_over_the_limit_without_reading_it()
    {
        var body = new EndlessStream();
        var http = new AnsweringHttp((_, _) => Answer(new StreamContent(body) { Headers = { ContentLength = 10L * 1024 * 1024 * 1024 } }));

        var refused = await Should.ThrowAsync<ProviderRejectedException>(() => GetAsync(http));

        refused.Message.ShouldContain("Provider:MaxResponseBytes");
        body.BytesRead.ShouldBe(0);
    }

    [Fact]
    public async Task Should_cut_off_an_endless_body_soon_after_the_limit()
    {
        var body = new EndlessStream();
        var http = new AnsweringHttp((_, _) => Answer(new StreamContent(body)));

        await Should.ThrowAsync<ProviderRejectedException>(() => GetAsync(http));

        body.BytesRead.ShouldBeInRange(Limit, Limit + (64 * 1024));
    }

    [Fact]
    public async Task Should_read_a_body_just_under_the_limit()
    {
        var intent = StripeAnswers.Intent("metadata", $$"""{"order_id":"o-1","note":"{{new string('x', (int)Limit - 1024)}}"}""")
            .Replace("\"latest_charge\":\"ch_1\"", "\"latest_charge\":null", StringComparison.Ordinal);
        var http = new AnsweringHttp((_, _) => Answer(new StringContent(intent, Encoding.UTF8, "application/json")));
        (await GetAsync(http)).OrderId.ShouldBe("o-1");
    }

    private static HttpResponseMessage Answer(HttpContent content) => new(HttpStatusCode.OK) { Content = content };

    private static Task<ProviderPayment> GetAsync(HttpMessageHandler http) =>
        When_stripe_answers_garbage.Client(http, maxResponseBytes: Limit)
            .GetAsync(new PaymentReference("pi_1", Guid.NewGuid()), TestContext.Current.CancellationToken);
}
