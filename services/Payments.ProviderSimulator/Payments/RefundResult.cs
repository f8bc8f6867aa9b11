namespace Payments.ProviderSimulator.Payments;

internal abstract record RefundResult
{
    private RefundResult() { }

    public sealed record Refunded(Refund Refund, Charge Charge, PaymentEvent Event) : RefundResult;

    /// <summary>No such payment or charge; <paramref name="Param"/> is the request parameter that named it.</summary>
    public sealed record NotFound(string Resource, string Id, string Param) : RefundResult;

    /// <summary>The payment has no successful charge (not confirmed, or declined).</summary>
    public sealed record NotRefundable(string PaymentIntentId) : RefundResult;

    public sealed record AlreadyRefunded(string ChargeId) : RefundResult;

    public sealed record AmountTooLarge(long Requested, long Refundable) : RefundResult;
}
