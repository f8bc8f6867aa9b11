using System.Text;
using Payments.Ingress.Webhooks.Schemes.Stripe;

namespace Payments.Ingress.Tests.Schemes.Stripe;

public sealed class When_a_stripe_secret_is_configured
{
    private readonly StripeScheme _scheme = new();

    [Theory]
    [InlineData("whsec_abc123")]
    [InlineData("a-secret-without-the-prefix")]
    public void Should_use_the_whole_secret_text_as_the_key(string secret) =>
        _scheme.DeriveKey(secret).ShouldBe(Encoding.UTF8.GetBytes(secret));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Should_refuse_an_empty_secret(string secret) =>
        Should.Throw<FormatException>(() => _scheme.DeriveKey(secret));
}
