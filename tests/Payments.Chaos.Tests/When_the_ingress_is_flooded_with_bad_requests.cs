using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Payments.Testing;

namespace Payments.Chaos.Tests;

/// <summary>
/// 10,000 malformed, forged or replayed requests at the real ingress process: no 5xx other than 503, nothing gets in. Every
/// Orders instance is stopped first, so whatever the ingress published stays in its queue to be counted; one valid webhook afterwards shows
/// the count would see a leak.
/// </summary>
public sealed class When_the_ingress_is_flooded_with_bad_requests : IAsyncLifetime
{
    private readonly PaymentsSystem _system = new(instances: 1);

    public async ValueTask InitializeAsync() => await _system.StartAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync() => await _system.DisposeAsync();

    [Fact]
    public async Task Should_answer_no_5xx_but_503_and_publish_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 32 }) { Timeout = TimeSpan.FromSeconds(30) };
        foreach (var orders in _system.Orders)
        {
            await orders.StopAsync(ct);
        }

        var statuses = new ConcurrentDictionary<HttpStatusCode, int>();
        var seed = Random.Shared.Next();
        TestContext.Current.SendDiagnosticMessage($"seed {seed}");

        await Parallel.ForEachAsync(Enumerable.Range(0, 10_000), new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = ct }, async (i, token) =>
        {
            using var request = BadRequest(new Random(seed + i), i);
            using var response = await http.SendAsync(request, token);
            statuses.AddOrUpdate(response.StatusCode, 1, (_, n) => n + 1);
        });

        var summary = string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{(int)s.Key}: {s.Value}"));
        TestContext.Current.SendDiagnosticMessage(summary);
        statuses.Keys.Where(s => (int)s >= 500 && s != HttpStatusCode.ServiceUnavailable).ShouldBeEmpty(summary);
        statuses.Keys.ShouldNotContain(HttpStatusCode.Accepted, summary);
        statuses.Values.Sum().ShouldBe(10_000);
        (await _system.Broker.MessageCountAsync("orders-payment-events", ct)).ShouldBe(0u, "nothing unverified may be published");

        // The flood drew on stripe's rate-limit bucket; like a provider, the valid webhook waits out a 429's Retry-After.
        var answered = await Eventually.ValueAsync(
            async () =>
            {
                using var valid = Signed(Body(0), DateTimeOffset.UtcNow.ToUnixTimeSeconds());
                using var response = await http.SendAsync(valid, ct);
                return response.StatusCode;
            },
            status => status != HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(15), "the rate limit to let a valid webhook in", ct);
        answered.ShouldBe(HttpStatusCode.Accepted);
        await Eventually.ValueAsync(() => _system.Broker.MessageCountAsync("orders-payment-events", ct), n => n == 1u,
            TimeSpan.FromSeconds(10), "a valid webhook to be published, and counted", ct);
    }

    private static string Body(int i) =>
        $$"""{"id":"evt_forged_{{i}}","type":"payment_intent.succeeded","created":{{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}},"data":{"object":{"id":"pi_{{i}}","amount":100,"currency":"eur"} } }""";

    /// <summary>As the provider signs it (https://docs.stripe.com/webhooks#verify-manually), at Unix time <paramref name="t"/>.</summary>
    private HttpRequestMessage Signed(string body, long t, string secret = PaymentsSystem.WebhookSecret)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"{_system.Ingress.BaseUrl}/webhooks/stripe")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Stripe-Signature",
            $"t={t},v1={Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{body}")))}");
        return request;
    }

    private HttpRequestMessage BadRequest(Random random, int i)
    {
        var body = Body(i);
        var t = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        switch (i % 6)
        {
            case 0: // forged: signed with a key we do not hold
                return Signed(body, t, "whsec_forger");
            case 1: // captured and replayed: validly signed an hour ago, far outside the tolerance
                return Signed(body, t - 3600);
        }

        var request = new HttpRequestMessage(HttpMethod.Post, $"{_system.Ingress.BaseUrl}/webhooks/stripe")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        switch (i % 6)
        {
            case 2: // garbage header and body
                request.Headers.TryAddWithoutValidation("Stripe-Signature", Convert.ToBase64String(RandomNumberGenerator.GetBytes(random.Next(1, 200))));
                request.Content = new ByteArrayContent(RandomNumberGenerator.GetBytes(random.Next(0, 4000)));
                request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
                break;
            case 3: // wrong media type
                request.Content = new StringContent(body, Encoding.UTF8, "text/plain");
                break;
            case 4: // unknown source
                request.RequestUri = new Uri($"{_system.Ingress.BaseUrl}/webhooks/nobody-{random.Next()}");
                break;
            default: // too large
                request.Content = new ByteArrayContent(new byte[300 * 1024]);
                request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
                break;
        }

        return request;
    }
}
