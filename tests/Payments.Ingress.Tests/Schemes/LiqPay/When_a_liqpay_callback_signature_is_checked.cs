using Payments.Ingress.Tests.Signing;
using Payments.Ingress.Webhooks.Schemes;
using Payments.Ingress.Webhooks.Schemes.LiqPay;
using static Payments.Ingress.Tests.Schemes.SchemeTesting;

namespace Payments.Ingress.Tests.Schemes.LiqPay;

public sealed class When_a_liqpay_callback_signature_is_checked
{
    // Computed with Python 3's standard library, not with .NET:
    //   data = base64.b64encode(Json.encode()).decode()
    //   signature = base64.b64encode(hashlib.sha1((key + data + key).encode()).digest()).decode()
    //   body = urllib.parse.urlencode({"data": data, "signature": signature})
    // The JSON was chosen so its base64 contains '+' and '/', which the form encodes as %2B and %2F.
    private const string VectorKey = "liqpay_private_test_key";
    private const string VectorJson =
        """{"payment_id":1234567890,"action":"pay","status":"success","order_id":"ord_42","amount":12.34,"currency":"UAH","description":"Order 42 ~~>>??","end_date":1700000000123}""";
    private const string VectorData =
        "eyJwYXltZW50X2lkIjoxMjM0NTY3ODkwLCJhY3Rpb24iOiJwYXkiLCJzdGF0dXMiOiJzdWNjZXNzIiwib3JkZXJfaWQiOiJvcmRfNDIiLCJhbW91bnQiOjEyLjM0LCJjdXJyZW5jeSI6IlVBSCIsImRlc2NyaXB0aW9uIjoiT3JkZXIgNDIgfn4%2BPj8%2FIiwiZW5kX2RhdGUiOjE3MDAwMDAwMDAxMjN9";
    private const string VectorSignature = "JzeomZ2uH57TxXED2e4DofrJXdM%3D";
    private const string VectorBody = $"data={VectorData}&signature={VectorSignature}";

    private const string Key = "liqpay-current-key";
    private const string OldKey = "liqpay-previous-key";
    private const string Json = """{"payment_id":1,"action":"pay","status":"success","order_id":"o","amount":1,"currency":"UAH","end_date":1}""";

    private readonly LiqPayScheme _scheme = new();

    [Fact]
    public void Should_accept_a_callback_signed_independently_with_python_and_hand_over_the_decoded_json()
    {
        var webhook = Verify(Request(VectorBody), VectorKey).ShouldBeVerified();

        webhook.PayloadText().ShouldBe(VectorJson);
        webhook.DeliveryId.ShouldBeNull();
    }

    [Fact]
    public void Should_accept_the_fields_in_any_order_among_others() =>
        Verify(Request($"extra=1&signature={VectorSignature}&&lang=uk&data={VectorData}"), VectorKey).ShouldBeVerified();

    [Fact]
    public void Should_accept_a_callback_signed_with_the_second_configured_key() =>
        Verify(Signed(Json, OldKey), Key, OldKey).ShouldBeVerified().PayloadText().ShouldBe(Json);

    [Fact]
    public void Should_reject_tampered_data()
    {
        var (_, signature) = TestSigner.LiqPay(Key, Json);
        var (forgedData, _) = TestSigner.LiqPay(Key, Json.Replace("\"amount\":1", "\"amount\":1000"));

        Verify(Form(forgedData, signature), Key).ShouldBeRejectedWith(RejectionReason.SignatureMismatch);
    }

    [Fact]
    public void Should_reject_a_callback_signed_with_another_key() =>
        Verify(Signed(Json, "someone-else"), Key, OldKey).ShouldBeRejectedWith(RejectionReason.SignatureMismatch);

    [Fact]
    public void Should_reject_a_callback_without_a_signature() =>
        Verify(Request($"data={VectorData}"), VectorKey).ShouldBeRejectedWith(RejectionReason.MissingSignature);

    [Theory]
    [InlineData($"signature={VectorSignature}")]
    [InlineData($"data=&signature={VectorSignature}")]
    [InlineData($"data={VectorData}&data={VectorData}&signature={VectorSignature}")]
    [InlineData($"data={VectorData}&signature={VectorSignature}&signature={VectorSignature}")]
    [InlineData($"data={VectorData}%zz&signature={VectorSignature}")]
    [InlineData($"data={VectorData}%2&signature={VectorSignature}")]
    [InlineData($"data={VectorData}&signature=not*base64")]
    [InlineData($"data={VectorData}&signature=c2hvcnQ%3D")]
    [InlineData($"data={VectorData}&signature=JzeomZ2uH57TxXED2e4DofrJXdMJzeomZ2uH57TxXED2e4DofrJXdM%3D")]
    [InlineData($"data=not*base64&signature={VectorSignature}")]
    public void Should_reject_a_form_it_cannot_use_as_malformed(string body) =>
        Verify(Request(body), VectorKey).ShouldBeRejectedWith(RejectionReason.MalformedSignature);

    [Fact]
    public void Should_reject_data_whose_plus_signs_were_not_form_encoded()
    {
        // A raw '+' means a space in a form body, so the data that was signed is not the data that arrives.
        var body = VectorBody.Replace("%2B", "+");

        Verify(Request(body), VectorKey).ShouldBeOfType<VerificationResult.Rejected>();
    }

    private static WebhookRequest Signed(string json, string key)
    {
        var (data, signature) = TestSigner.LiqPay(key, json);
        return Form(data, signature);
    }

    private static WebhookRequest Form(string data, string signature) =>
        Request($"data={Uri.EscapeDataString(data)}&signature={Uri.EscapeDataString(signature)}");

    private VerificationResult Verify(WebhookRequest request, params string[] keys) =>
        _scheme.Verify(request, Source(_scheme, keys), ReceivedAt);
}
