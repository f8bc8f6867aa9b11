using System.Net;
using System.Text;
using Payments.Reconciliation.Providers;

namespace Payments.Reconciliation.Tests.Providers;

/// <summary>
/// Stripe's intent listing (https://docs.stripe.com/api/pagination) read from a provider whose pages do not behave:
/// the listing is refused, after a bounded number of requests, rather than read for ever or cut short.
/// </summary>
public sealed class When_a_listing_never_ends
{
    private static readonly DateTimeOffset From = DateTimeOffset.FromUnixTimeSeconds(1767600000);

    [Fact]
    public async Task Should_read_every_page_of_a_listing_that_ends()
    {
        var http = Pages(call => ([$"pi_{call}"], HasMore: call < 3));
        (await ListAsync(http, maxListPages: 3)).Select(p => p.PaymentId).ShouldBe(["pi_1", "pi_2", "pi_3"]);
    }

    [Fact]
    public async Task Should_stop_at_max_list_pages_when_has_more_never_ends()
    {
        var http = Pages(call => ([$"pi_{call}"], HasMore: true));
        var refused = await Should.ThrowAsync<ProviderRejectedException>(() => ListAsync(http, maxListPages: 5));
        refused.Message.ShouldContain("Provider:MaxListPages");
        http.Calls.ShouldBe(5);
    }

    [Fact]
    public async Task Should_stop_when_the_cursor_does_not_advance()
    {
        var http = Pages(_ => (["pi_1", "pi_2"], HasMore: true));
        await Should.ThrowAsync<ProviderRejectedException>(() => ListAsync(http, maxListPages: 1000));
        http.Calls.ShouldBe(2, "the second page ends on the cursor the first did");
    }

    [Fact]
    public async Task Should_stop_when_the_cursor_comes_round_again()
    {
        var http = Pages(call => ([call % 2 == 0 ? "pi_a" : "pi_b"], HasMore: true));
        await Should.ThrowAsync<ProviderRejectedException>(() => ListAsync(http, maxListPages: 1000));
        http.Calls.ShouldBe(3);
    }

    [Theory]
    [InlineData("""{"object":"list","has_more":false}""")]
    [InlineData("""{"object":"list","data":null,"has_more":false}""")]
    [InlineData("""{"object":"list","data":[],"has_more":"maybe"}""")]
    [InlineData("""{"object":"list","data":[]}""")]
    [InlineData("""{"object":"list","data":[{"id":"pi_1"}],"has_more":false}""")]
    [InlineData("""{"object":"list","data":[7],"has_more":false}""")]
    public async Task Should_refuse_a_page_that_is_no_list(string page)
    {
        var http = new AnsweringHttp((_, _) => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(page, Encoding.UTF8, "application/json") });
        await Should.ThrowAsync<ProviderRejectedException>(() => ListAsync(http, maxListPages: 10));
    }

    private static AnsweringHttp Pages(Func<int, (string[] Ids, bool HasMore)> page) => new((call, _) =>
    {
        var (ids, hasMore) = page(call);
        var data = string.Join(",", ids.Select(id => StripeAnswers.Intent(id: id)));
        return new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent($$"""{"object":"list","data":[{{data}}],"has_more":{{(hasMore ? "true" : "false")}}}""", Encoding.UTF8, "application/json"),
        };
    });

    private static async Task<List<ProviderPayment>> ListAsync(HttpMessageHandler http, int maxListPages)
    {
        var listed = new List<ProviderPayment>();
        await foreach (var payment in When_stripe_answers_garbage.Client(http, maxListPages)
                           .ListCreatedAsync(From, From.AddDays(1), TestContext.Current.CancellationToken))
        {
            listed.Add(payment);
        }

        return listed;
    }
}
