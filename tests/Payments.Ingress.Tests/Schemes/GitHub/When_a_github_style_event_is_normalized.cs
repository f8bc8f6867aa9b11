using Payments.Messaging;
using Payments.Contracts;
using Payments.Ingress.Webhooks;
using Payments.Ingress.Webhooks.Schemes.GitHub;
using static Payments.Ingress.Tests.Schemes.SchemeTesting;

namespace Payments.Ingress.Tests.Schemes.GitHub;

/// <summary>The body schema is shared with Standard Webhooks (tested there in depth); this pins what differs.</summary>
public sealed class When_a_github_style_event_is_normalized
{
    private const string Refunded = """
        {"type":"payment.refunded","timestamp":"2024-05-01T12:00:00Z","data":{"payment_id":"pay_9","amount":250,"currency":"JPY"}}
        """;

    private readonly GitHubScheme _scheme = new();

    [Fact]
    public void Should_key_the_event_by_what_the_signed_body_says_and_name_the_provider_github()
    {
        var evt = _scheme.Normalize(Verified(Refunded), Source("hub", _scheme, "s"), ReceivedAt).ShouldBeNormalized();

        const string id = "payment.refunded:pay_9:2024-05-01T12:00:00.0000000Z:250";
        evt.ShouldBe(new PaymentEventReceived(
            EventIds.From("hub", id),
            Source: "hub",
            Provider: "github",
            ProviderEventId: id,
            PaymentEventKind.Refunded,
            ProviderPaymentId: "pay_9",
            OrderId: null,
            AmountMinor: 250,
            Currency: "JPY",
            OccurredAt: new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero),
            ReceivedAt));
    }

    [Fact]
    public void Should_give_a_replay_under_a_new_delivery_id_the_same_event_id()
    {
        var source = Source("hub", _scheme, "s");
        var first = _scheme.Verify(Request(Refunded, ("X-Hub-Signature-256", Sign(Refunded)), ("X-GitHub-Delivery", "d-1")), source, ReceivedAt).ShouldBeVerified();
        var replay = _scheme.Verify(Request(Refunded, ("X-Hub-Signature-256", Sign(Refunded)), ("X-GitHub-Delivery", "d-2")), source, ReceivedAt).ShouldBeVerified();

        _scheme.Normalize(replay, source, ReceivedAt).ShouldBeNormalized().EventId
            .ShouldBe(_scheme.Normalize(first, source, ReceivedAt).ShouldBeNormalized().EventId);
    }

    [Theory]
    [InlineData("payment.succeeded", "pay_9", "2024-05-01T12:00:00Z", 250)]
    [InlineData("payment.refunded", "pay_8", "2024-05-01T12:00:00Z", 250)]
    [InlineData("payment.refunded", "pay_9", "2024-05-01T12:00:01Z", 250)]
    [InlineData("payment.refunded", "pay_9", "2024-05-01T12:00:00Z", 100)]
    public void Should_give_another_event_another_id(string type, string paymentId, string timestamp, long amount)
    {
        var other = $$"""{"type":"{{type}}","timestamp":"{{timestamp}}","data":{"payment_id":"{{paymentId}}","amount":{{amount}},"currency":"JPY"} }""";
        var source = Source("hub", _scheme, "s");

        _scheme.Normalize(Verified(other), source, ReceivedAt).ShouldBeNormalized().EventId
            .ShouldNotBe(_scheme.Normalize(Verified(Refunded), source, ReceivedAt).ShouldBeNormalized().EventId);
    }

    [Fact]
    public void Should_read_the_same_instant_in_another_offset_as_the_same_event() =>
        _scheme.Normalize(Verified(Refunded.Replace("2024-05-01T12:00:00Z", "2024-05-01T14:00:00+02:00")), Source("hub", _scheme, "s"), ReceivedAt)
            .ShouldBeNormalized().EventId
            .ShouldBe(_scheme.Normalize(Verified(Refunded), Source("hub", _scheme, "s"), ReceivedAt).ShouldBeNormalized().EventId);

    private static string Sign(string body) => Signing.TestSigner.GitHub("s", body);

    [Fact]
    public void Should_ignore_other_types() =>
        _scheme.Normalize(Verified("""{"type":"ping","zen":"Keep it logically awesome."}""", deliveryId: "d-2"), Source(_scheme, "s"), ReceivedAt)
            .ShouldBeIgnoredAs("ping");
}
