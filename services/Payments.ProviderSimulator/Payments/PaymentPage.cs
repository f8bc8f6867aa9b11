namespace Payments.ProviderSimulator.Payments;

internal sealed record PaymentPage(IReadOnlyList<Payment> Data, bool HasMore);
