using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Payments.Ingress.Webhooks;
using Payments.Ingress.Webhooks.Schemes;
using Payments.Ingress.Webhooks.Schemes.GitHub;
using Payments.Ingress.Webhooks.Schemes.LiqPay;
using Payments.Ingress.Webhooks.Schemes.StandardWebhooks;
using Payments.Ingress.Webhooks.Schemes.Stripe;
using static Payments.Ingress.Tests.Schemes.SchemeTesting;

namespace Payments.Ingress.Tests.Schemes;

/// <summary>
/// Property-based: whatever bytes and headers arrive, and whatever a verified payload contains, a scheme answers
/// with a result and never throws. Inputs mix plain random data with near-misses built from real field names and
/// hostile values (huge numbers, lone surrogates, wrong types), which is where parsers break. FsCheck prints the
/// seed of a failing run so it can be replayed.
/// </summary>
public sealed class When_a_scheme_is_fed_random_input
{
    private const int Runs = 2000;
    private const long Now = 1_700_000_000;

    private static readonly string[] HeaderNames =
        ["Stripe-Signature", "webhook-id", "webhook-timestamp", "webhook-signature", "X-Hub-Signature-256", "X-GitHub-Delivery", "Content-Type"];

    private static readonly string[] HostileValues =
    [
        "null", "true", "-1", "0", "1.5", "1e309", "-1e309", "1e30", "99999999999999999999999999999999", "0.0000000000000000000000000001",
        "79228162514264337593543950335", "253402300800", "-62135596801", "\"\"", "\"\\ud800\"", "\"\\u0000\"", "\"é\"", "{}", "[]", "[1]",
        "{\"\\ud800\":1}", "{\"\\udc00x\":{},\"order_id\":\"o\"}", "\"usd\"", "\"US\"", "\"2024-05-01T12:00:00\"", "\"9999-12-31T23:59:59Z\"", "\"0001-01-01T00:00:00+14:00\"", "\"payment.succeeded\"",
    ];

    public static TheoryData<string> SchemeNames => ["stripe", "standard-webhooks", "liqpay", "github"];

    [Theory]
    [MemberData(nameof(SchemeNames))]
    public void Should_answer_any_request_with_verified_or_rejected(string name)
    {
        var scheme = Create(name);
        var source = new WebhookSource(name, scheme, [scheme.DeriveKey("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"), scheme.DeriveKey("whsec_c2Vjb25k")], Tolerance);
        var requests = Gen.Zip(Bodies(), Gen.ArrayOf(Gen.Zip(HeaderName(), HeaderValue())));

        Prop.ForAll(requests.ToArbitrary(), input =>
        {
            var result = scheme.Verify(Request(input.Item1, input.Item2), source, DateTimeOffset.FromUnixTimeSeconds(Now));
            return result is VerificationResult.Verified or VerificationResult.Rejected;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(Runs));
    }

    [Theory]
    [MemberData(nameof(SchemeNames))]
    public void Should_answer_any_verified_payload_with_normalized_ignored_or_malformed(string name)
    {
        var scheme = Create(name);
        var source = new WebhookSource(name, scheme, [], Tolerance);
        var payloads = Gen.OneOf(Bodies(), NearMisses(name).Select(Encoding.UTF8.GetBytes));
        var deliveryIds = Gen.Elements<string?>("msg_1", "", null, "a.b c");

        Prop.ForAll(Gen.Zip(payloads, deliveryIds).ToArbitrary(), input =>
        {
            var result = scheme.Normalize(new VerifiedWebhook(input.Item1, input.Item2), source, ReceivedAt);
            return result is NormalizationResult.Normalized or NormalizationResult.Ignored or NormalizationResult.Refused
                || (result is NormalizationResult.Malformed malformed && malformed.Errors.Count > 0);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(Runs));
    }

    private static IWebhookScheme Create(string name) => name switch
    {
        "stripe" => new StripeScheme(),
        "standard-webhooks" => new StandardWebhooksScheme(),
        "liqpay" => new LiqPayScheme(),
        _ => new GitHubScheme(),
    };

    private static Gen<string> AnyString() => ArbMap.Default.GeneratorFor<string>().Select(s => s ?? "");

    private static Gen<byte[]> Bodies() => Gen.OneOf(
        ArbMap.Default.GeneratorFor<byte[]>(),
        AnyString().Select(Encoding.UTF8.GetBytes),
        Gen.Zip(FormValue(), FormValue()).Select(p => Encoding.UTF8.GetBytes($"data={p.Item1}&signature={p.Item2}")),
        AnyString().Select(s => Encoding.UTF8.GetBytes($"data={Convert.ToBase64String(Encoding.UTF8.GetBytes(s))}&signature=JzeomZ2uH57TxXED2e4DofrJXdM%3D")));

    private static Gen<string> FormValue() => Gen.OneOf(
        AnyString().Select(Uri.EscapeDataString),
        AnyString(),
        Gen.Elements("%", "%2", "%zz", "+", "==", "a&data=b", "=", "%F0%9F", ""));

    // HTTP has no empty header name, so random ones get a prefix (HeaderDictionary refuses an empty key).
    private static Gen<string> HeaderName() => Gen.Frequency((6, Gen.Elements(HeaderNames)), (1, AnyString().Select(s => "X-" + s)));

    private static Gen<string> HeaderValue() => Gen.OneOf(
        AnyString(),
        Gen.Elements(HostileValues),
        Gen.Choose(-5000, 5000).Select(d => $"{Now + d}"),
        Gen.Zip(Gen.Choose(-400, 400), ArbMap.Default.GeneratorFor<byte[]>())
            .Select(p => $"t={Now + p.Item1},v1={Convert.ToHexStringLower(p.Item2)},v1={new string('0', 64)}"),
        ArbMap.Default.GeneratorFor<byte[]>().Select(b => $"v1,{Convert.ToBase64String(b)} v1a,{Convert.ToBase64String(b)}"),
        ArbMap.Default.GeneratorFor<byte[]>().Select(b => $"sha256={Convert.ToHexString(b)}"),
        Gen.Elements("t=", "v1=", ",,,", "t=1,t=2", "v1,", "sha256=", " ", "t=1700000000,v1=" + new string('g', 64)));

    /// <summary>A payload shaped like the scheme's, each field either valid or replaced by a hostile value.</summary>
    private static Gen<string> NearMisses(string name)
    {
        var (template, valid) = name switch
        {
            "stripe" => (
                """{"id":$0,"type":$1,"created":$2,"data":{"object":{"id":$3,"amount":$4,"amount_refunded":$5,"payment_intent":$6,"currency":$7,"metadata":$8}}}""",
                new[] { "\"evt_1\"", "\"charge.refunded\"", "1700000000", "\"pi_1\"", "1234", "5", "\"pi_1\"", "\"usd\"", "{\"order_id\":\"o\"}" }),
            "liqpay" => (
                """{"payment_id":$0,"action":$1,"status":$2,"order_id":$3,"amount":$4,"currency":$5,"end_date":$6,"create_date":$7}""",
                new[] { "1", "\"pay\"", "\"success\"", "\"o\"", "12.34", "\"UAH\"", "1700000000123", "1700000000000" }),
            _ => (
                """{"type":$0,"timestamp":$1,"data":{"payment_id":$2,"order_id":$3,"amount":$4,"currency":$5}}""",
                new[] { "\"payment.refunded\"", "\"2024-05-01T12:00:00Z\"", "\"pay_1\"", "\"o\"", "1999", "\"USD\"" }),
        };

        var fields = valid.Select(value => Gen.Frequency((2, Gen.Constant(value)), (1, Gen.Elements(HostileValues))));
        var roots = Gen.Frequency((4, Gen.Constant(template)), (1, Gen.Constant("{\"\\ud800\":0," + template[1..])));
        return Gen.Zip(roots, Gen.CollectToArray(fields)).Select(pair =>
        {
            var (json, values) = pair;
            for (var i = values.Length - 1; i >= 0; i--)
            {
                json = json.Replace($"${i}", values[i]);
            }

            return json;
        });
    }
}
