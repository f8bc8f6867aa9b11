using Payments.Ingress.Tests.Signing;
using Payments.Ingress.Webhooks.Schemes;
using Payments.Ingress.Webhooks.Schemes.StandardWebhooks;
using static Payments.Ingress.Tests.Schemes.SchemeTesting;

namespace Payments.Ingress.Tests.Schemes.StandardWebhooks;

public sealed class When_a_standard_webhooks_signature_is_checked
{
    // The specification's published test vector, as asserted by the reference libraries, e.g.
    // https://github.com/standard-webhooks/standard-webhooks/blob/main/libraries/csharp/StandardWebhooks.Tests/WebhookTest.cs
    // (verifyWebhookSignWorks), and the PHP, Rust and JavaScript suites beside it.
    private const string VectorSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string VectorId = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private const long VectorTimestamp = 1614265330;
    private const string VectorPayload = """{"test": 2432232314}""";
    private const string VectorSignature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    private const string Secret = "whsec_dGhpcyBpcyB0aGUgY3VycmVudCBzZWNyZXQ=";
    private const string OldSecret = "whsec_dGhpcyB3YXMgdGhlIHByZXZpb3VzIHNlY3JldA==";
    private const long Now = 1_700_000_000;
    private const string Body = """{"type":"payment.succeeded"}""";

    private static readonly DateTimeOffset Clock = DateTimeOffset.FromUnixTimeSeconds(Now);
    private readonly StandardWebhooksScheme _scheme = new();

    [Fact]
    public void Should_accept_the_specifications_published_test_vector()
    {
        var request = Request(VectorPayload, ("webhook-id", VectorId), ("webhook-timestamp", "1614265330"), ("webhook-signature", VectorSignature));

        var webhook = _scheme.Verify(request, Source(_scheme, VectorSecret), DateTimeOffset.FromUnixTimeSeconds(VectorTimestamp)).ShouldBeVerified();

        webhook.PayloadText().ShouldBe(VectorPayload);
        webhook.DeliveryId.ShouldBe(VectorId);
    }

    [Fact]
    public void Should_accept_the_published_vector_with_the_secret_given_without_its_prefix()
    {
        var request = Request(VectorPayload, ("webhook-id", VectorId), ("webhook-timestamp", "1614265330"), ("webhook-signature", VectorSignature));

        _scheme.Verify(request, Source(_scheme, VectorSecret["whsec_".Length..]), DateTimeOffset.FromUnixTimeSeconds(VectorTimestamp))
            .ShouldBeVerified();
    }

    [Fact]
    public void Should_find_the_published_vector_among_signatures_of_other_versions_and_keys()
    {
        var header = $"v1a,hnO3f9T8Ytu9HwrXslvumlUpqtNVqkhqw/enGzPCXe5BdqzCInXqYXFymVJaA7AZdpXwVLPo3mNl8EM+m7TBAg== v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=  v2,abc {VectorSignature}";
        var request = Request(VectorPayload, ("webhook-id", VectorId), ("webhook-timestamp", "1614265330"), ("webhook-signature", header));

        _scheme.Verify(request, Source(_scheme, VectorSecret), DateTimeOffset.FromUnixTimeSeconds(VectorTimestamp)).ShouldBeVerified();
    }

    [Fact]
    public void Should_accept_a_signature_made_with_the_second_configured_secret() =>
        Verify(Signed(OldSecret), Secret, OldSecret).ShouldBeVerified().DeliveryId.ShouldBe("msg_1");

    [Fact]
    public void Should_reject_a_tampered_body()
    {
        var request = Request(Body.Replace("succeeded", "refunded"), Headers(TestSigner.StandardWebhooks(Secret, "msg_1", Now, Body)));

        Verify(request, Secret).ShouldBeRejectedWith(RejectionReason.SignatureMismatch);
    }

    [Fact]
    public void Should_reject_a_changed_webhook_id_because_it_is_signed_too()
    {
        var request = Request(Body, Headers(TestSigner.StandardWebhooks(Secret, "msg_1", Now, Body), id: "msg_2"));

        Verify(request, Secret).ShouldBeRejectedWith(RejectionReason.SignatureMismatch);
    }

    [Fact]
    public void Should_reject_a_signature_made_with_another_secret() =>
        Verify(Signed(VectorSecret), Secret, OldSecret).ShouldBeRejectedWith(RejectionReason.SignatureMismatch);

    [Fact]
    public void Should_reject_a_timestamp_older_than_the_tolerance() =>
        Verify(Signed(Secret, Now - 301), Secret).ShouldBeRejectedWith(RejectionReason.StaleTimestamp);

    [Fact]
    public void Should_reject_a_timestamp_further_ahead_than_the_tolerance() =>
        Verify(Signed(Secret, Now + 301), Secret).ShouldBeRejectedWith(RejectionReason.FutureTimestamp);

    [Fact]
    public void Should_reject_the_published_vector_today_as_stale()
    {
        var request = Request(VectorPayload, ("webhook-id", VectorId), ("webhook-timestamp", "1614265330"), ("webhook-signature", VectorSignature));

        _scheme.Verify(request, Source(_scheme, VectorSecret), Clock).ShouldBeRejectedWith(RejectionReason.StaleTimestamp);
    }

    [Fact]
    public void Should_reject_a_request_without_a_signature_header() =>
        Verify(Request(Body, ("webhook-id", "msg_1"), ("webhook-timestamp", $"{Now}")), Secret)
            .ShouldBeRejectedWith(RejectionReason.MissingSignature);

    [Fact]
    public void Should_reject_a_request_without_a_timestamp_header() =>
        Verify(Request(Body, ("webhook-id", "msg_1"), ("webhook-signature", TestSigner.StandardWebhooks(Secret, "msg_1", Now, Body))), Secret)
            .ShouldBeRejectedWith(RejectionReason.MissingTimestamp);

    [Fact]
    public void Should_reject_a_request_without_an_id_header_as_malformed() =>
        Verify(Request(Body, ("webhook-timestamp", $"{Now}"), ("webhook-signature", TestSigner.StandardWebhooks(Secret, "msg_1", Now, Body))), Secret)
            .ShouldBeRejectedWith(RejectionReason.MalformedSignature);

    [Theory]
    [InlineData("1700000000", "v1a,hnO3f9T8Ytu9HwrXslvumlUpqtNVqkhqw/enGzPCXe5BdqzCInXqYXFymVJaA7AZdpXwVLPo3mNl8EM+m7TBAg==")]
    [InlineData("1700000000", "v1,!!!not-base64!!!")]
    [InlineData("1700000000", "v1,c2hvcnQ=")]
    [InlineData("1700000000", "g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")]
    [InlineData("1700000000.5", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")]
    [InlineData("-1700000000", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")]
    [InlineData("2023-11-14T22:13:20Z", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")]
    public void Should_reject_headers_it_cannot_parse_as_malformed(string timestamp, string signature) =>
        Verify(Request(Body, ("webhook-id", "msg_1"), ("webhook-timestamp", timestamp), ("webhook-signature", signature)), Secret)
            .ShouldBeRejectedWith(RejectionReason.MalformedSignature);

    [Fact]
    public void Should_reject_a_repeated_header_as_malformed()
    {
        var signature = TestSigner.StandardWebhooks(Secret, "msg_1", Now, Body);
        var request = Request(Body, ("webhook-id", "msg_1"), ("webhook-id", "msg_2"), ("webhook-timestamp", $"{Now}"), ("webhook-signature", signature));

        Verify(request, Secret).ShouldBeRejectedWith(RejectionReason.MalformedSignature);
    }

    private static (string, string)[] Headers(string signature, string id = "msg_1", long timestamp = Now) =>
        [("webhook-id", id), ("webhook-timestamp", $"{timestamp}"), ("webhook-signature", signature)];

    private static WebhookRequest Signed(string secret, long timestamp = Now) =>
        Request(Body, Headers(TestSigner.StandardWebhooks(secret, "msg_1", timestamp, Body), timestamp: timestamp));

    private VerificationResult Verify(WebhookRequest request, params string[] secrets) =>
        _scheme.Verify(request, Source(_scheme, secrets), Clock);
}
