using Payments.ProviderSimulator.Payments;

namespace Payments.ProviderSimulator.LiqPay;

/// <summary>LiqPay's final payment statuses (https://www.liqpay.ua/en/doc/callback) and which sandbox states they stand for.</summary>
internal static class LiqPayStatuses
{
    public const string Success = "success";
    public const string Failure = "failure";
    public const string Reversed = "reversed";

    /// <summary>The status a callback for this event reports; null for events LiqPay has no callback for (creation).</summary>
    public static string? ForEvent(PaymentEventType type) => type switch
    {
        PaymentEventType.PaymentIntentSucceeded => Success,
        PaymentEventType.PaymentIntentPaymentFailed => Failure,
        PaymentEventType.ChargeRefunded => Reversed,
        _ => null,
    };

    /// <summary>The status a status request reports now; null while no attempt was made (LiqPay would know no payment).</summary>
    public static string? Current(Payment payment, Charge? latestCharge) => payment.Status switch
    {
        PaymentStatus.Succeeded => latestCharge is { AmountRefunded: > 0 } ? Reversed : Success,
        _ when payment.LastError is not null => Failure,
        _ => null,
    };
}
