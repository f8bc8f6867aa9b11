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
    public void Should_key_the_event_by_the_delivery_id_and_name_the_provider_github()
    {
        var evt = _scheme.Normalize(Verified(Refunded, deliveryId: "d-1"), Source("hub", _scheme, "s"), ReceivedAt).ShouldBeNormalized();

        evt.ShouldBe(new PaymentEventReceived(
            EventIds.From("hub", "d-1"),
            Source: "hub",
            Provider: "github",
            ProviderEventId: "d-1",
            PaymentEventKind.Refunded,
            ProviderPaymentId: "pay_9",
            OrderId: null,
            AmountMinor: 250,
            Currency: "JPY",
            OccurredAt: new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero),
            ReceivedAt));
    }

    [Fact]
    public void Should_ignore_other_types() =>
        _scheme.Normalize(Verified("""{"type":"ping","zen":"Keep it logically awesome."}""", deliveryId: "d-2"), Source(_scheme, "s"), ReceivedAt)
            .ShouldBeIgnoredAs("ping");
}
