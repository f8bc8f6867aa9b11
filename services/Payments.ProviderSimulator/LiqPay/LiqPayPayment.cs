using System.Text.Json.Serialization;
using Payments.ProviderSimulator.Payments;

namespace Payments.ProviderSimulator.LiqPay;

/// <summary>
/// A payment as LiqPay describes it, in callbacks (base64 in data) and in answers to a status request
/// (https://www.liqpay.ua/en/doc/callback): amount in major units, currency upper case, dates in Unix milliseconds.
/// For a refund (status reversed), amount stays the payment's and refund_amount is the total refunded so far.
/// </summary>
internal sealed record LiqPayPayment(
    string Result,
    int Version,
    string PublicKey,
    string Action,
    long PaymentId,
    string Status,
    string OrderId,
    decimal Amount,
    string Currency,
    string? Description,
    string Type,
    string Paytype,
    long CreateDate,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? EndDate,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? RefundAmount,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ErrCode,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ErrDescription)
{
    public static LiqPayPayment From(Payment payment, Charge? charge, string status, string publicKey)
    {
        var refunded = status == LiqPayStatuses.Reversed && charge is { AmountRefunded: > 0 } c
            ? Currencies.ToMajorUnits(c.AmountRefunded, payment.Currency)
            : (decimal?)null;
        var endedAt = status == LiqPayStatuses.Reversed ? charge?.RefundedAt : charge?.Created;
        return new LiqPayPayment(
            "ok",
            3,
            publicKey,
            "pay",
            payment.LiqPayId,
            status,
            PaymentLedger.OrderIdOf(payment),
            Currencies.ToMajorUnits(payment.Amount, payment.Currency),
            payment.Currency.ToUpperInvariant(),
            payment.Description,
            "buy",
            "card",
            payment.Created.ToUnixTimeMilliseconds(),
            endedAt?.ToUnixTimeMilliseconds(),
            refunded,
            status == LiqPayStatuses.Failure ? charge?.Failure?.DeclineCode : null,
            status == LiqPayStatuses.Failure ? charge?.Failure?.Message : null);
    }
}
