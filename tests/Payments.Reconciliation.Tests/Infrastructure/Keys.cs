namespace Payments.Reconciliation.Tests.Infrastructure;

/// <summary>Sandbox credentials the processes are started with (test-only values).</summary>
public static class Keys
{
    public const string ApiKey = "sk_test_reconciliation_tests";
    public const string SimulatorAdminKey = "sim_admin_reconciliation_tests_2d8b";
    public const string StripeWebhookSecret = "whsec_reconciliation_tests_5c1d9e";
    public const string LiqPayPublicKey = "sandbox_i_reconciliation_tests";
    public const string LiqPayPrivateKey = "sandbox_reconciliation_tests_private_3f7a";
}
