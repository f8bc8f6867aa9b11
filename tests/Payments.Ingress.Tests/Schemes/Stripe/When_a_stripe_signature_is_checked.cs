using Payments.Ingress.Tests.Signing;
using Payments.Ingress.Webhooks.Schemes;
using Payments.Ingress.Webhooks.Schemes.Stripe;
using static Payments.Ingress.Tests.Schemes.SchemeTesting;

namespace Payments.Ingress.Tests.Schemes.Stripe;

public sealed class When_a_stripe_signature_is_checked
{
    private const string Secret = "whsec_stripe_current";
    private const string OldSecret = "whsec_stripe_previous";
    private const long Now = 1_700_000_000;
    private const string Body = """{"id":"evt_1","type":"payment_intent.succeeded"}""";

    private static readonly DateTimeOffset Clock = DateTimeOffset.FromUnixTimeSeconds(Now);
    private readonly StripeScheme _scheme = new();

    [Fact]
    public void Should_accept_a_signature_computed_independently_with_python()
    {
        // Computed with Python 3's standard library, not with .NET:
        //   hmac.new(b"whsec_stripe_test_vector_secret", b"1700000000." + body, hashlib.sha256).hexdigest()
        const string body = """{"id":"evt_1","type":"payment_intent.succeeded","created":1700000000,"data":{"object":{"id":"pi_1","amount":1234,"currency":"usd","metadata":{"order_id":"ord_42"}}}}""";
        const string header = "t=1700000000,v1=9eeb840e7bc3a3a821ec0e5f98d1f6f2c97b8716777a8b1cc2e3ee4f625a93de";
        var source = Source(_scheme, "whsec_stripe_test_vector_secret");

        var webhook = _scheme.Verify(Request(body, ("Stripe-Signature", header)), source, Clock).ShouldBeVerified();

        webhook.PayloadText().ShouldBe(body);
        webhook.DeliveryId.ShouldBeNull();
    }

    [Fact]
    public void Should_accept_a_signature_made_with_the_second_configured_secret() =>
        Verify(Signed(Body, OldSecret), Secret, OldSecret).ShouldBeVerified();

    [Fact]
    public void Should_accept_the_header_when_any_v1_signature_matches()
    {
        var real = TestSigner.Stripe(Secret, Now, Body).Split(',')[1];
        var header = $"t={Now},v1={new string('0', 64)},{real},v0={new string('a', 64)}";

        Verify(Request(Body, ("Stripe-Signature", header)), Secret).ShouldBeVerified();
    }

    [Fact]
    public void Should_reject_a_tampered_body()
    {
        var header = TestSigner.Stripe(Secret, Now, Body);

        Verify(Request(Body.Replace("evt_1", "evt_2"), ("Stripe-Signature", header)), Secret)
            .ShouldBeRejectedWith(RejectionReason.SignatureMismatch);
    }

    [Fact]
    public void Should_reject_a_signature_made_with_another_secret() =>
        Verify(Signed(Body, "whsec_someone_else"), Secret, OldSecret).ShouldBeRejectedWith(RejectionReason.SignatureMismatch);

    [Fact]
    public void Should_reject_a_timestamp_older_than_the_tolerance() =>
        Verify(Signed(Body, Secret, Now - 301), Secret).ShouldBeRejectedWith(RejectionReason.StaleTimestamp);

    [Fact]
    public void Should_reject_a_timestamp_further_ahead_than_the_tolerance() =>
        Verify(Signed(Body, Secret, Now + 301), Secret).ShouldBeRejectedWith(RejectionReason.FutureTimestamp);

    [Theory]
    [InlineData(-300)]
    [InlineData(300)]
    public void Should_accept_a_timestamp_at_the_edge_of_the_tolerance(int offset) =>
        Verify(Signed(Body, Secret, Now + offset), Secret).ShouldBeVerified();

    [Fact]
    public void Should_call_a_forged_stale_request_a_mismatch_not_a_stale_one() =>
        Verify(Signed(Body, "whsec_forger", Now - 3600), Secret).ShouldBeRejectedWith(RejectionReason.SignatureMismatch);

    [Fact]
    public void Should_reject_a_request_without_the_header() =>
        Verify(Request(Body), Secret).ShouldBeRejectedWith(RejectionReason.MissingSignature);

    [Fact]
    public void Should_reject_a_blank_header_as_missing() =>
        Verify(Request(Body, ("Stripe-Signature", "  ")), Secret).ShouldBeRejectedWith(RejectionReason.MissingSignature);

    [Fact]
    public void Should_reject_a_header_without_a_timestamp()
    {
        var v1 = TestSigner.Stripe(Secret, Now, Body).Split(',')[1];

        Verify(Request(Body, ("Stripe-Signature", v1)), Secret).ShouldBeRejectedWith(RejectionReason.MissingTimestamp);
    }

    [Theory]
    [InlineData("t=1700000000")]
    [InlineData("t=1700000000,v0=9eeb840e7bc3a3a821ec0e5f98d1f6f2c97b8716777a8b1cc2e3ee4f625a93de")]
    [InlineData("t=1700000000,v1=not-hex")]
    [InlineData("t=1700000000,v1=9eeb840e7bc3a3a8")]
    [InlineData("t=1700000000,v1=zzeb840e7bc3a3a821ec0e5f98d1f6f2c97b8716777a8b1cc2e3ee4f625a93de")]
    [InlineData("t=yesterday,v1=9eeb840e7bc3a3a821ec0e5f98d1f6f2c97b8716777a8b1cc2e3ee4f625a93de")]
    [InlineData("t=-5,v1=9eeb840e7bc3a3a821ec0e5f98d1f6f2c97b8716777a8b1cc2e3ee4f625a93de")]
    [InlineData("t=99999999999999999999999,v1=9eeb840e7bc3a3a821ec0e5f98d1f6f2c97b8716777a8b1cc2e3ee4f625a93de")]
    [InlineData("t=1,t=1700000000,v1=9eeb840e7bc3a3a821ec0e5f98d1f6f2c97b8716777a8b1cc2e3ee4f625a93de")]
    public void Should_reject_a_header_it_cannot_parse_as_malformed(string header) =>
        Verify(Request(Body, ("Stripe-Signature", header)), Secret).ShouldBeRejectedWith(RejectionReason.MalformedSignature);

    [Fact]
    public void Should_reject_a_repeated_header_as_malformed()
    {
        var header = TestSigner.Stripe(Secret, Now, Body);

        Verify(Request(Body, ("Stripe-Signature", header), ("Stripe-Signature", header)), Secret)
            .ShouldBeRejectedWith(RejectionReason.MalformedSignature);
    }

    private static WebhookRequest Signed(string body, string secret, long timestamp = Now) =>
        Request(body, ("Stripe-Signature", TestSigner.Stripe(secret, timestamp, body)));

    private VerificationResult Verify(WebhookRequest request, params string[] secrets) =>
        _scheme.Verify(request, Source(_scheme, secrets), Clock);
}
