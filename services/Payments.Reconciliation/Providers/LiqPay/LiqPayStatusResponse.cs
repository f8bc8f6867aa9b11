namespace Payments.Reconciliation.Providers.LiqPay;

/// <summary>
/// The answer to a status request (https://www.liqpay.ua/en/doc/api/internet_acquiring/status): result "ok" with the
/// payment (amounts in major units, dates in Unix milliseconds), or result "error" with err_code.
/// </summary>
internal sealed record LiqPayStatusResponse(
    string Result,
    string? Status,
    long? PaymentId,
    string? OrderId,
    decimal? Amount,
    string? Currency,
    decimal? RefundAmount,
    long? CreateDate,
    long? EndDate,
    string? ErrCode);
