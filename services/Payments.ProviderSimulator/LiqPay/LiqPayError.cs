namespace Payments.ProviderSimulator.LiqPay;

/// <summary>LiqPay's error answer: {"result": "error", "status": "error", "err_code": ..., "err_description": ...}.</summary>
internal sealed record LiqPayError(string Result, string Status, string ErrCode, string ErrDescription, int Version)
{
    public static LiqPayError Of(string code, string description) => new("error", "error", code, description, 3);
}
