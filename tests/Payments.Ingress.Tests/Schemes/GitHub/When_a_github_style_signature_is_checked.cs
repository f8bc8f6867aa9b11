using Payments.Ingress.Tests.Signing;
using Payments.Ingress.Webhooks.Schemes;
using Payments.Ingress.Webhooks.Schemes.GitHub;
using static Payments.Ingress.Tests.Schemes.SchemeTesting;

namespace Payments.Ingress.Tests.Schemes.GitHub;

public sealed class When_a_github_style_signature_is_checked
{
    private const string Secret = "hub-secret-current";
    private const string OldSecret = "hub-secret-previous";
    private const string Delivery = "72d3162e-cc78-11e3-81ab-4c9367dc0958";
    private const string Body = """{"type":"payment.succeeded"}""";

    private readonly GitHubScheme _scheme = new();

    [Fact]
    public void Should_accept_githubs_published_test_vector()
    {
        // https://docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries#testing-the-webhook-payload-validation
        var request = Request("Hello, World!",
            ("X-Hub-Signature-256", "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"),
            ("X-GitHub-Delivery", Delivery));

        var webhook = Verify(request, "It's a Secret to Everybody").ShouldBeVerified();

        webhook.PayloadText().ShouldBe("Hello, World!");
        webhook.DeliveryId.ShouldBeNull("the delivery header is not signed, so it identifies nothing");
    }

    [Fact]
    public void Should_accept_a_signature_made_with_the_second_configured_secret() =>
        Verify(Signed(Body, OldSecret), Secret, OldSecret).ShouldBeVerified();

    [Fact]
    public void Should_accept_an_upper_case_hex_digest() =>
        Verify(Request(Body, ("X-Hub-Signature-256", "sha256=" + TestSigner.GitHub(Secret, Body)[7..].ToUpperInvariant()), ("X-GitHub-Delivery", Delivery)), Secret)
            .ShouldBeVerified();

    [Fact]
    public void Should_reject_a_tampered_body() =>
        Verify(Request(Body + " ", ("X-Hub-Signature-256", TestSigner.GitHub(Secret, Body)), ("X-GitHub-Delivery", Delivery)), Secret)
            .ShouldBeRejectedWith(RejectionReason.SignatureMismatch);

    [Fact]
    public void Should_reject_a_signature_made_with_another_secret() =>
        Verify(Signed(Body, "someone-else"), Secret, OldSecret).ShouldBeRejectedWith(RejectionReason.SignatureMismatch);

    [Fact]
    public void Should_reject_a_request_without_a_signature() =>
        Verify(Request(Body, ("X-GitHub-Delivery", Delivery)), Secret).ShouldBeRejectedWith(RejectionReason.MissingSignature);

    [Fact]
    public void Should_reject_a_request_without_a_delivery_id_as_malformed() =>
        Verify(Request(Body, ("X-Hub-Signature-256", TestSigner.GitHub(Secret, Body))), Secret)
            .ShouldBeRejectedWith(RejectionReason.MalformedSignature);

    [Theory]
    [InlineData("sha1=7d38cdd689735b008b3c702edd92eea23791c5f6")]
    [InlineData("757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")]
    [InlineData("sha256=757107ea0eb2509fc211221cce984b8a")]
    [InlineData("sha256=zz7107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")]
    [InlineData("sha256=")]
    public void Should_reject_a_signature_it_cannot_parse_as_malformed(string signature) =>
        Verify(Request(Body, ("X-Hub-Signature-256", signature), ("X-GitHub-Delivery", Delivery)), Secret)
            .ShouldBeRejectedWith(RejectionReason.MalformedSignature);

    [Fact]
    public void Should_reject_a_repeated_delivery_id_as_malformed() =>
        Verify(Request(Body, ("X-Hub-Signature-256", TestSigner.GitHub(Secret, Body)), ("X-GitHub-Delivery", "a"), ("X-GitHub-Delivery", "b")), Secret)
            .ShouldBeRejectedWith(RejectionReason.MalformedSignature);

    private static WebhookRequest Signed(string body, string secret) =>
        Request(body, ("X-Hub-Signature-256", TestSigner.GitHub(secret, body)), ("X-GitHub-Delivery", Delivery));

    private VerificationResult Verify(WebhookRequest request, params string[] secrets) =>
        _scheme.Verify(request, Source(_scheme, secrets), ReceivedAt);
}
