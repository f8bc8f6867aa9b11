namespace Payments.ProviderSimulator.Payments;

/// <summary>The PaymentIntent statuses this sandbox reaches (https://docs.stripe.com/payments/paymentintents/lifecycle).</summary>
internal enum PaymentStatus
{
    RequiresPaymentMethod,
    RequiresConfirmation,
    Succeeded,
}
