using System.Text;
using Payments.Ingress.Webhooks.Schemes;
using Payments.Ingress.Webhooks.Schemes.GitHub;
using Payments.Ingress.Webhooks.Schemes.LiqPay;
using Payments.Ingress.Webhooks.Schemes.StandardWebhooks;
using Payments.Ingress.Webhooks.Schemes.Stripe;
using static Payments.Ingress.Tests.Schemes.SchemeTesting;

namespace Payments.Ingress.Tests.Schemes.Common;

/// <summary>
/// System.Text.Json parses escapes it cannot later decode (a lone high surrogate such as \ud800), and then throws
/// from GetString, and from a property lookup whenever it has to unescape such a name to compare it (for names
/// shorter than the escaped one). A signed payload like that must still get a 400, not an exception.
/// </summary>
public sealed class When_a_payload_has_text_that_cannot_be_decoded
{
    public static TheoryData<string> SchemeNames => ["stripe", "standard-webhooks", "liqpay", "github"];

    [Theory]
    [MemberData(nameof(SchemeNames))]
    public void Should_report_an_undecodable_property_name_against_its_object(string name) =>
        Normalize(name, """{"type":"payment.succeeded","status":"success","\ud800-longer-than-any-field-we-read":1}""").ShouldBeMalformedAt("$");

    [Fact]
    public void Should_report_an_undecodable_property_name_in_a_nested_object_at_that_objects_path() =>
        Normalize("stripe", """{"id":"evt_1","type":"payment_intent.succeeded","created":1,"data":{"object":{"\ud800":1}}}""")
            .ShouldBeMalformedAt("data.object");

    [Fact]
    public void Should_report_an_undecodable_string_value_at_its_path() =>
        Normalize("stripe", """{"type":"\ud800"}""").ShouldBeMalformedAt("type");

    [Fact]
    public void Should_report_invalid_utf8_in_a_string_value_at_its_path()
    {
        byte[] payload = [.. "{\"status\":\""u8, 0xFF, 0xFE, .. "\"}"u8];

        new LiqPayScheme().Normalize(new VerifiedWebhook(payload, null), Source(new LiqPayScheme(), "k"), ReceivedAt)
            .ShouldBeMalformedAt("status");
    }

    private static NormalizationResult Normalize(string name, string payload)
    {
        IWebhookScheme scheme = name switch
        {
            "stripe" => new StripeScheme(),
            "standard-webhooks" => new StandardWebhooksScheme(),
            "liqpay" => new LiqPayScheme(),
            _ => new GitHubScheme(),
        };
        return scheme.Normalize(new VerifiedWebhook(Encoding.UTF8.GetBytes(payload), "msg_1"), new Webhooks.WebhookSource(name, scheme, [], Tolerance), ReceivedAt);
    }
}
