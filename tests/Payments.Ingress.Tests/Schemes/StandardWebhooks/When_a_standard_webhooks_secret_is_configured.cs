using Payments.Ingress.Webhooks.Schemes.StandardWebhooks;

namespace Payments.Ingress.Tests.Schemes.StandardWebhooks;

public sealed class When_a_standard_webhooks_secret_is_configured
{
    private readonly StandardWebhooksScheme _scheme = new();

    [Theory]
    [InlineData("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")]
    [InlineData("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")]
    public void Should_base64_decode_the_secret_with_or_without_its_prefix(string secret) =>
        _scheme.DeriveKey(secret).ShouldBe(Convert.FromBase64String("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));

    [Theory]
    [InlineData("whsec_not base64 at all!")]
    [InlineData("whsec_")]
    [InlineData("")]
    [InlineData("whsec_abc")]
    public void Should_refuse_a_secret_that_is_not_base64_without_revealing_it(string secret)
    {
        var error = Should.Throw<FormatException>(() => _scheme.DeriveKey(secret));

        if (secret.Length > "whsec_".Length)
        {
            error.Message.ShouldNotContain(secret["whsec_".Length..]);
        }
    }
}
