namespace Payments.ProviderSimulator.Payments;

/// <summary>A validated request to create a payment; <paramref name="Currency"/> is lower case.</summary>
internal sealed record NewPayment(long Amount, string Currency, IReadOnlyDictionary<string, string> Metadata, string? Description, string? PaymentMethod);
