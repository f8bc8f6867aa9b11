namespace Payments.Testing.Load;

/// <summary>What one customer does at the provider, and the order state that outcome implies.</summary>
public enum Customer
{
    Pays,
    IsDeclined,
    IsDeclinedThenPays,
    PaysThenRefunds,
}
