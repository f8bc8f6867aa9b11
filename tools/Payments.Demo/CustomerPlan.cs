namespace Payments.Demo;

/// <summary>What one customer does at the provider, and the order state the provider's outcome implies.</summary>
internal enum CustomerPlan
{
    Pays,
    IsDeclined,
    IsDeclinedThenPays,
    PaysThenRefunds,
}

internal static class CustomerPlans
{
    public static CustomerPlan For(int n) => (n % 10) switch
    {
        < 6 => CustomerPlan.Pays,
        6 => CustomerPlan.IsDeclined,
        7 => CustomerPlan.IsDeclinedThenPays,
        _ => CustomerPlan.PaysThenRefunds,
    };

    public static string ExpectedStatus(this CustomerPlan plan) => plan switch
    {
        CustomerPlan.IsDeclined => "payment_failed",
        CustomerPlan.PaysThenRefunds => "refunded",
        _ => "paid",
    };
}
