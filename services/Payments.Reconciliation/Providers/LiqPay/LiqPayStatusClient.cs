using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Payments.Reconciliation.Providers.LiqPay;

/// <summary>
/// LiqPay's status request (https://www.liqpay.ua/en/doc/api/internet_acquiring/status): POST /api/request with form
/// fields data (base64 of {"action": "status", "version": 3, "public_key", "order_id"}) and its signature. LiqPay
/// names payments by the merchant's order id, so the reference's order id is what is asked about.
/// </summary>
internal sealed class LiqPayStatusClient(HttpClient http, IOptions<ProviderOptions> options) : IPaymentStatusClient
{
    // A field missing, null where it may not be, or of another type is a JsonException: the answer is refused.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, RespectRequiredConstructorParameters = true, RespectNullableAnnotations = true,
    };

    private LiqPayOptions Merchant => options.Value.LiqPay;

    public string Provider => Merchant.Name;

    public async Task<ProviderPayment> GetAsync(PaymentReference payment, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/request") { Content = new FormUrlEncodedContent(Form(payment.OrderId)) };
        var answer = await ProviderHttp.SendAsync<LiqPayStatusResponse>(http, request, Json, options.Value.MaxResponseBytes, cancellationToken);

        return answer switch
        {
            null or { Result: "error", ErrCode: "payment_not_found" } => ProviderPayment.Missing(payment.PaymentId),
            { Result: "ok" } ok => ToPayment(ok, payment),
            _ => throw new ProviderRejectedException($"LiqPay refused the status request: {answer.ErrCode ?? answer.Result}."),
        };
    }

    /// <summary>The answer in our terms; fields out of range are refused (<see cref="ProviderAnswer"/>).</summary>
    internal static ProviderPayment ToPayment(LiqPayStatusResponse answer, PaymentReference payment)
    {
        var currency = answer.Currency is null
            ? throw new ProviderRejectedException("LiqPay answered without a currency.")
            : ProviderAnswer.Currency(answer.Currency, "currency");
        return new ProviderPayment(
            answer.PaymentId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? payment.PaymentId,
            answer.OrderId,
            LiqPayStatuses.Map(answer.Status),
            ProviderAnswer.Amount(MinorUnits.From(answer.Amount ?? 0, currency), "amount"),
            currency,
            answer.RefundAmount is { } refunded ? ProviderAnswer.Amount(MinorUnits.From(refunded, currency), "refund_amount") : 0,
            answer.CreateDate is { } created ? ProviderAnswer.UnixMilliseconds(created, "create_date") : null,
            answer.EndDate is { } ended ? ProviderAnswer.UnixMilliseconds(ended, "end_date") : null);
    }

    private IEnumerable<KeyValuePair<string, string>> Form(Guid orderId)
    {
        var json = JsonSerializer.Serialize(new { action = "status", version = 3, public_key = Merchant.PublicKey, order_id = orderId.ToString() });
        var data = Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
        yield return new("data", data);
        yield return new("signature", LiqPaySignature.Sign(Merchant.PrivateKey!, data));
    }
}
