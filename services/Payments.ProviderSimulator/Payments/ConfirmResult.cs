namespace Payments.ProviderSimulator.Payments;

internal abstract record ConfirmResult
{
    private ConfirmResult() { }

    public sealed record Succeeded(Payment Payment, PaymentEvent Event) : ConfirmResult;

    /// <summary>The card was declined: the payment is back to requires_payment_method with last_payment_error set.</summary>
    public sealed record Declined(Payment Payment, PaymentEvent Event) : ConfirmResult;

    public sealed record NotFound : ConfirmResult;

    public sealed record UnexpectedState(PaymentStatus Status) : ConfirmResult;

    public sealed record MissingPaymentMethod : ConfirmResult;

    public sealed record UnknownPaymentMethod(string PaymentMethod) : ConfirmResult;
}
