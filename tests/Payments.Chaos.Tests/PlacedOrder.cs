namespace Payments.Chaos.Tests;

public sealed record PlacedOrder(Guid Id, string PaymentId, Customer Customer, string Email)
{
    public string ExpectedStatus => Customer switch
    {
        Customer.IsDeclined => "payment_failed",
        Customer.PaysThenRefunds => "refunded",
        _ => "paid",
    };
}
