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
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private LiqPayOptions Merchant => options.Value.LiqPay;

    public string Provider => Merchant.Name;

    public async Task<ProviderPayment> GetAsync(PaymentReference payment, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/request") { Content = new FormUrlEncodedContent(Form(payment.OrderId)) };
        var answer = await ProviderHttp.SendAsync<LiqPayStatusResponse>(http, request, Json, cancellationToken);

        return answer switch
        {
            null or { Result: "error", ErrCode: "payment_not_found" } => ProviderPayment.Missing(payment.PaymentId),
            { Result: "ok" } ok => ToPayment(ok, payment),
            _ => throw new ProviderRejectedException($"LiqPay refused the status request: {answer.ErrCode ?? answer.Result}."),
        };
    }

    internal static ProviderPayment ToPayment(LiqPayStatusResponse answer, PaymentReference payment)
    {
        var currency = (answer.Currency ?? throw new ProviderRejectedException("LiqPay answered without a currency.")).ToUpperInvariant();
        return new ProviderPayment(
            answer.PaymentId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? payment.PaymentId,
            answer.OrderId,
            LiqPayStatuses.Map(answer.Status),
            MinorUnits.From(answer.Amount ?? 0, currency),
            currency,
            answer.RefundAmount is { } refunded ? MinorUnits.From(refunded, currency) : 0,
            answer.CreateDate is { } created ? DateTimeOffset.FromUnixTimeMilliseconds(created) : null,
            answer.EndDate is { } ended ? DateTimeOffset.FromUnixTimeMilliseconds(ended) : null);
    }

    private IEnumerable<KeyValuePair<string, string>> Form(Guid orderId)
    {
        var json = JsonSerializer.Serialize(new { action = "status", version = 3, public_key = Merchant.PublicKey, order_id = orderId.ToString() });
        var data = Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
        yield return new("data", data);
        yield return new("signature", LiqPaySignature.Sign(Merchant.PrivateKey!, data));
    }
}
