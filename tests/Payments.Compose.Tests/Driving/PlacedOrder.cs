namespace Payments.Compose.Tests.Driving;

/// <summary>An order Orders acknowledged (201 to its creation) and what its customer then did at the provider.</summary>
public sealed record PlacedOrder(Guid Id, string PaymentId, Customer Customer)
{
    public string ExpectedStatus => Customer switch
    {
        Customer.IsDeclined => "payment_failed",
        Customer.PaysThenRefunds => "refunded",
        _ => "paid",
    };
}
