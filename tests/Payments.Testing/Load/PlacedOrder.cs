namespace Payments.Testing.Load;

/// <summary>An order the load placed, paid through <paramref name="Source"/> (a <see cref="LoadSource"/>'s name).</summary>
public sealed record PlacedOrder(Guid Id, string PaymentId, Customer Customer, string Email, string Source)
{
    public string ExpectedStatus => Customer switch
    {
        Customer.IsDeclined => "payment_failed",
        Customer.PaysThenRefunds => "refunded",
        _ => "paid",
    };
}
