using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Payments.Ingress.Tests.Infrastructure;
using Payments.Ingress.Tests.Signing;
using Payments.Testing;
using Payments.Testing.RabbitMq;

namespace Payments.Ingress.Tests.Intake;

/// <summary>
/// Thousands of random requests: random sources, media types, headers that look almost right, bodies of random
/// bytes or mangled JSON. No answer may be a 5xx other than 503, nothing unverified may be published, and no
/// secret may reach a log line. The seed is printed so a failure can be replayed.
/// </summary>
[Collection(BrokerCollection.Name)]
public sealed class When_fuzzed_with_random_requests(RabbitMqFixture broker) : IngressTest(broker)
{
    private static readonly string[] Sources = ["stripe", "acme", "liqpay", "hub", "nobody", "STRIPE", "", "..", "%00"];
    private static readonly string[] MediaTypes =
        ["application/json", "application/x-www-form-urlencoded", "text/plain", "application/json; charset=utf-8", "", "*/*", "application/json;;;"];
    private static readonly string[] SignatureHeaders =
        ["Stripe-Signature", "webhook-signature", "webhook-id", "webhook-timestamp", "X-Hub-Signature-256", "X-GitHub-Delivery"];

    [Fact]
    public async Task Should_never_publish_an_unverified_request_nor_fail_with_a_5xx_other_than_503()
    {
        var seed = Environment.GetEnvironmentVariable("FUZZ_SEED") is { } s ? int.Parse(s) : Random.Shared.Next();
        TestContext.Current.SendDiagnosticMessage($"FUZZ_SEED={seed}");
        var random = new Random(seed);
        var statuses = new Dictionary<HttpStatusCode, int>();

        for (var i = 0; i < 3000; i++)
        {
            using var request = RandomUnverifiedRequest(random);
            var response = await Client.SendAsync(request, TestContext.Current.CancellationToken);
            statuses[response.StatusCode] = statuses.GetValueOrDefault(response.StatusCode) + 1;
            ((int)response.StatusCode is >= 500 and not 503).ShouldBeFalse($"seed {seed}, request {i}: {response.StatusCode}");
            response.StatusCode.ShouldNotBe(HttpStatusCode.Accepted, $"seed {seed}, request {i}");
        }

        (await Broker.MessageCountAsync(App.Queue, TestContext.Current.CancellationToken)).ShouldBe(0u, $"seed {seed}");
        TestContext.Current.SendDiagnosticMessage(string.Join(", ", statuses.Select(p => $"{(int)p.Key}: {p.Value}")));
        ShouldNotHaveLoggedASecret();
    }

    [Fact]
    public async Task Should_answer_signed_garbage_with_400_or_200_and_publish_only_what_it_accepted()
    {
        var random = new Random(1234);
        var accepted = 0;
        for (var i = 0; i < 500; i++)
        {
            var body = RandomJsonish(random);
            var response = await Client.SendAsync(WebhookRequests.Stripe(body), TestContext.Current.CancellationToken);
            response.StatusCode.ShouldBeOneOf(HttpStatusCode.BadRequest, HttpStatusCode.OK, HttpStatusCode.Accepted);
            accepted += response.StatusCode == HttpStatusCode.Accepted ? 1 : 0;
        }

        (await Broker.MessageCountAsync(App.Queue, TestContext.Current.CancellationToken)).ShouldBe((uint)accepted);
        ShouldNotHaveLoggedASecret();
    }

    private void ShouldNotHaveLoggedASecret()
    {
        string[] secrets = [TestSecrets.Stripe, TestSecrets.StripeRotated, TestSecrets.StandardWebhooks, TestSecrets.StandardWebhooks[6..], TestSecrets.LiqPay, TestSecrets.GitHub];
        foreach (var line in App.Logs.Entries)
        {
            foreach (var secret in secrets)
            {
                line.Contains(secret, StringComparison.Ordinal).ShouldBeFalse($"a log line contains a secret: {line}");
            }
        }
    }

    private static HttpRequestMessage RandomUnverifiedRequest(Random random)
    {
        var source = Pick(random, Sources);
        var body = random.Next(3) switch
        {
            0 => RandomBytes(random, random.Next(0, 6000)),
            1 => Encoding.UTF8.GetBytes(RandomJsonish(random)),
            _ => Encoding.UTF8.GetBytes($"data={Uri.EscapeDataString(Convert.ToBase64String(RandomBytes(random, random.Next(0, 300))))}&signature={Uri.EscapeDataString(Convert.ToBase64String(RandomBytes(random, 20)))}"),
        };
        var request = new HttpRequestMessage(HttpMethod.Post, $"/webhooks/{Uri.EscapeDataString(source)}") { Content = new ByteArrayContent(body) };
        if (MediaTypeHeaderValue.TryParse(Pick(random, MediaTypes), out var mediaType))
        {
            request.Content.Headers.ContentType = mediaType;
        }

        for (var h = random.Next(0, 5); h > 0; h--)
        {
            request.Headers.TryAddWithoutValidation(Pick(random, SignatureHeaders), RandomHeaderValue(random));
        }

        return request;
    }

    private static string RandomHeaderValue(Random random) => random.Next(6) switch
    {
        0 => $"t={TestSigner.Now},v1={Convert.ToHexStringLower(RandomBytes(random, 32))}",
        1 => $"v1,{Convert.ToBase64String(RandomBytes(random, 32))} v1,{Convert.ToBase64String(RandomBytes(random, 31))}",
        2 => $"sha256={Convert.ToHexStringLower(RandomBytes(random, random.Next(0, 40)))}",
        3 => TestSigner.Now.ToString(),
        4 => $"t=,v1=,,t={random.NextInt64()},v0=zz",
        _ => Encoding.Latin1.GetString(RandomBytes(random, random.Next(0, 80))).Replace('\r', ' ').Replace('\n', ' '),
    };

    private static string RandomJsonish(Random random)
    {
        string[] fragments =
        [
            "{", "}", "[", "]", ",", ":", "\"id\"", "\"type\"", "\"payment_intent.succeeded\"", "\"charge.refunded\"", "\"data\"",
            "\"object\"", "\"amount\"", "-1", "1e309", "99999999999999999999", "null", "true", "\"\\u0000\"", "\"eur\"", "\"metadata\"",
            "\"order_id\"", "\"created\"", "1700000000", "\"payment_intent\"", "\"amount_refunded\"", "\"\"", "\"é\"", "0.5",
        ];
        var builder = new StringBuilder();
        for (var n = random.Next(0, 60); n > 0; n--)
        {
            builder.Append(Pick(random, fragments));
        }

        return builder.ToString();
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];
}
