namespace Payments.ProviderSimulator.Stripe.Objects;

internal sealed record CardObject(string Brand, string Last4, int ExpMonth, int ExpYear, string Funding, string Country);
