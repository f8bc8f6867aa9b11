namespace Payments.Reconciliation.Providers.LiqPay;

/// <summary>
/// The answer to a status request (https://www.liqpay.ua/en/doc/api/internet_acquiring/status): result "ok" with the
/// payment (amounts in major units, dates in Unix milliseconds), or result "error" with err_code.
/// </summary>
internal sealed record LiqPayStatusResponse(
    string Result,
    string? Status = null,
    long? PaymentId = null,
    string? OrderId = null,
    decimal? Amount = null,
    string? Currency = null,
    decimal? RefundAmount = null,
    long? CreateDate = null,
    long? EndDate = null,
    string? ErrCode = null);
