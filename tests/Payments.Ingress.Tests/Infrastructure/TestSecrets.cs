namespace Payments.Ingress.Tests.Infrastructure;

/// <summary>Secrets the test ingress is configured with; "Rotated" ones are each source's second accepted secret.</summary>
public static class TestSecrets
{
    public const string Stripe = "whsec_test_stripe_old_4f1d";
    public const string StripeRotated = "whsec_test_stripe_new_9c2e";
    public const string StandardWebhooks = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    public const string LiqPay = "test_liqpay_private_key_31ab";
    public const string GitHub = "test_github_secret_77d0";
}
