namespace Payments.Testing.Load;

/// <summary>An order the load placed, paid through <paramref name="Source"/> (a <see cref="LoadSource"/>'s name).</summary>
/// <param name="PaymentIntent">The simulator's intent the customer paid (its deliveries are listed by it).</param>
public sealed record PlacedOrder(Guid Id, string PaymentIntent, Customer Customer, string Email, string Source)
{
    public string ExpectedStatus => Customer switch
    {
        Customer.IsDeclined => "payment_failed",
        Customer.PaysThenRefunds => "refunded",
        _ => "paid",
    };
}
