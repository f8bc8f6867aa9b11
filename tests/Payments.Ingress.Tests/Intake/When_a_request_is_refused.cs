using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Payments.Ingress.Tests.Infrastructure;
using Payments.Testing;
using Payments.Testing.RabbitMq;

namespace Payments.Ingress.Tests.Intake;

/// <summary>Every refusal is specific, problem+json, and publishes nothing.</summary>
[Collection(BrokerCollection.Name)]
public sealed class When_a_request_is_refused(RabbitMqFixture broker) : IngressTest(broker)
{
    public override async ValueTask DisposeAsync()
    {
        (await Broker.MessageCountAsync(App.Queue, TestContext.Current.CancellationToken)).ShouldBe(0u, "a refused request must publish nothing");
        await base.DisposeAsync();
    }

    [Fact]
    public async Task Should_answer_404_for_an_unknown_source()
    {
        var response = await SendAsync(WebhookRequests.Stripe(WebhookRequests.StripePaymentIntent(), source: "nobody"));

        await ShouldBeProblem(response, HttpStatusCode.NotFound, "unknown_source");
    }

    [Fact]
    public async Task Should_answer_415_for_the_wrong_media_type()
    {
        var request = WebhookRequests.Stripe(WebhookRequests.StripePaymentIntent());
        request.Content!.Headers.ContentType = new MediaTypeHeaderValue("text/plain");

        await ShouldBeProblem(await SendAsync(request), HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
    }

    [Fact]
    public async Task Should_answer_413_for_a_body_over_the_limit()
    {
        var big = WebhookRequests.StripePaymentIntent(orderId: new string('x', 5000));

        await ShouldBeProblem(await SendAsync(WebhookRequests.Stripe(big)), HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
    }

    [Fact]
    public async Task Should_answer_413_for_a_chunked_body_over_the_limit()
    {
        var request = WebhookRequests.Stripe(WebhookRequests.StripePaymentIntent(orderId: new string('x', 5000)));
        var bytes = await request.Content!.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        request.Content = new StreamContent(new MemoryStream(bytes)); // no Content-Length: the limit is enforced while reading
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        await ShouldBeProblem(await SendAsync(request), HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
    }

    [Fact]
    public async Task Should_answer_401_for_a_tampered_body()
    {
        var body = WebhookRequests.StripePaymentIntent(amount: 100);
        var request = WebhookRequests.Stripe(body);
        request.Content = new StringContent(body.Replace("\"amount\":100", "\"amount\":1", StringComparison.Ordinal), Encoding.UTF8, "application/json");

        await ShouldBeProblem(await SendAsync(request), HttpStatusCode.Unauthorized, "signature_mismatch");
    }

    [Fact]
    public async Task Should_answer_401_for_a_wrong_secret() =>
        await ShouldBeProblem(await SendAsync(WebhookRequests.Stripe(WebhookRequests.StripePaymentIntent(), "whsec_wrong")),
            HttpStatusCode.Unauthorized, "signature_mismatch");

    [Fact]
    public async Task Should_answer_401_for_a_missing_signature() =>
        await ShouldBeProblem(await SendAsync(WebhookRequests.Json("/webhooks/stripe", WebhookRequests.StripePaymentIntent())),
            HttpStatusCode.Unauthorized, "missing_signature");

    [Fact]
    public async Task Should_answer_401_for_a_stale_timestamp() =>
        await ShouldBeProblem(await SendAsync(WebhookRequests.Stripe(WebhookRequests.StripePaymentIntent(), timestamp: Signing.TestSigner.Now - 301)),
            HttpStatusCode.Unauthorized, "stale_timestamp");

    [Fact]
    public async Task Should_answer_401_for_a_future_timestamp() =>
        await ShouldBeProblem(await SendAsync(WebhookRequests.Standard(WebhookRequests.StandardPayment(), timestamp: Signing.TestSigner.Now + 301)),
            HttpStatusCode.Unauthorized, "future_timestamp");

    [Fact]
    public async Task Should_answer_401_for_a_forged_liqpay_callback() =>
        await ShouldBeProblem(await SendAsync(WebhookRequests.LiqPay(WebhookRequests.LiqPayPayment(), "not-the-key")),
            HttpStatusCode.Unauthorized, "signature_mismatch");

    [Fact]
    public async Task Should_answer_401_for_a_forged_github_style_delivery() =>
        await ShouldBeProblem(await SendAsync(WebhookRequests.GitHub(WebhookRequests.StandardPayment(), "not-the-secret")),
            HttpStatusCode.Unauthorized, "signature_mismatch");

    [Fact]
    public async Task Should_answer_400_naming_the_missing_field_when_the_signature_is_fine()
    {
        var body = $$"""{"id":"evt_no_amount","type":"payment_intent.succeeded","created":{{Signing.TestSigner.Now}},"data":{"object":{"id":"pi_1","currency":"eur"} } }""";

        var response = await SendAsync(WebhookRequests.Stripe(body));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        problem.RootElement.GetProperty("errors").TryGetProperty("data.object.amount", out _).ShouldBeTrue(problem.RootElement.ToString());
    }

    [Fact]
    public async Task Should_answer_400_for_a_signed_body_that_is_not_json()
    {
        var response = await SendAsync(WebhookRequests.Stripe("{not json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task Should_answer_400_for_a_sandbox_payment_to_a_source_that_does_not_allow_sandbox() =>
        await ShouldBeProblem(await SendAsync(WebhookRequests.LiqPay(WebhookRequests.LiqPayPayment(status: "sandbox"))),
            HttpStatusCode.BadRequest, "sandbox_not_allowed");

    [Fact]
    public async Task Should_answer_200_and_publish_nothing_for_a_verified_event_we_do_not_handle()
    {
        var response = await SendAsync(WebhookRequests.Stripe(WebhookRequests.StripePaymentIntent(type: "customer.created")));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => Client.SendAsync(request, TestContext.Current.CancellationToken);

    private static async Task ShouldBeProblem(HttpResponseMessage response, HttpStatusCode status, string reason)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(status, text);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        using var problem = JsonDocument.Parse(text);
        problem.RootElement.GetProperty("reason").GetString().ShouldBe(reason);
        problem.RootElement.GetProperty("status").GetInt32().ShouldBe((int)status);
    }
}
