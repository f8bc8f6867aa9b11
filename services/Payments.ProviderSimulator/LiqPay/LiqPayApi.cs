using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Payments.ProviderSimulator.Configuration;
using Payments.ProviderSimulator.Faults;
using Payments.ProviderSimulator.Payments;

namespace Payments.ProviderSimulator.LiqPay;

/// <summary>
/// POST /api/request, LiqPay's server API (https://www.liqpay.ua/en/documentation/api/information/status/doc): a
/// form with data (base64 JSON {action, version, public_key, order_id}) and its signature. Only action "status" is
/// modelled; it answers the payment in the shape callbacks carry. Errors are answered 200 with result "error", as
/// LiqPay does; the err_code values are the sandbox's own.
/// </summary>
internal static class LiqPayApi
{
    public static IEndpointRouteBuilder MapLiqPayApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/request", RequestAsync)
            .AddEndpointFilter(new ApiFaultFilter(Injected))
            .WithName("LiqPayRequest");
        return endpoints;
    }

    internal static async Task<Results<Ok<LiqPayPayment>, Ok<LiqPayError>>> RequestAsync(
        HttpRequest request, PaymentLedger ledger, IOptions<SimulatorOptions> options, CancellationToken cancellationToken)
    {
        var merchant = options.Value.LiqPay;
        if (!request.HasFormContentType)
        {
            return Error("invalid_request", "Expected a form with data and signature.");
        }

        var form = await request.ReadFormAsync(cancellationToken);
        var data = form["data"].ToString();
        var signature = form["signature"].ToString();
        if (data.Length == 0 || signature.Length == 0)
        {
            return Error("invalid_request", "Both data and signature are required.");
        }

        if (!LiqPaySignature.Verify(merchant.PrivateKey, data, signature))
        {
            return Error("invalid_signature", "Invalid signature.");
        }

        JsonElement json;
        try
        {
            using var document = JsonDocument.Parse(Convert.FromBase64String(data));
            json = document.RootElement.Clone();
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return Error("invalid_data", "data is not base64 of a JSON object.");
        }

        if (Text(json, "public_key") != merchant.PublicKey)
        {
            return Error("invalid_public_key", "public_key does not name this merchant.");
        }

        if (Text(json, "action") != "status")
        {
            return Error("action_not_supported", "The sandbox answers action \"status\" only.");
        }

        if (Text(json, "order_id") is not { Length: > 0 } orderId)
        {
            return Error("invalid_order_id", "order_id is required.");
        }

        if (ledger.FindLatestForOrder(orderId) is not { } found
            || LiqPayStatuses.Current(found.Payment, found.LatestCharge) is not { } status)
        {
            return Error("payment_not_found", $"No payment for order_id '{orderId}'.");
        }

        return TypedResults.Ok(LiqPayPayment.From(found.Payment, found.LatestCharge, status, merchant.PublicKey));
    }

    private static Ok<LiqPayError> Error(string code, string description) => TypedResults.Ok(LiqPayError.Of(code, description));

    private static string? Text(JsonElement json, string name) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    private static IResult Injected(ApiFault fault) => fault.Kind == ApiFaultKind.RateLimited
        ? TypedResults.Json(LiqPayError.Of("too_many_requests", "Too many requests (injected)."), statusCode: StatusCodes.Status429TooManyRequests)
        : TypedResults.Json(LiqPayError.Of("internal_error", "Internal error (injected)."), statusCode: StatusCodes.Status500InternalServerError);
}
