using System.Text;
using Payments.ProviderSimulator.StandardWebhooks;
using Payments.ProviderSimulator.Tests.Signing;

namespace Payments.ProviderSimulator.Tests.StandardWebhooks;

/// <summary>The signer, and the tests' own independent signer, against the test vector the spec publishes.</summary>
public sealed class When_signing_a_Standard_Webhooks_message
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string MessageId = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private const long Timestamp = 1614265330;
    private const string Expected = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"test\": 2432232314}");

    [Fact]
    public void Should_produce_the_signature_of_the_spec_test_vector() =>
        StandardWebhooksSignature.Sign(Secret, MessageId, Timestamp, Body).ShouldBe(Expected);

    [Fact]
    public void Should_be_matched_by_the_independent_signer_the_other_tests_verify_with() =>
        IndependentSignatures.StandardWebhooks(Secret, MessageId, Timestamp, Body).ShouldBe(Expected);
}
