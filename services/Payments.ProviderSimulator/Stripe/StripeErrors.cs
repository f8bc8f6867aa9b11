using Microsoft.AspNetCore.Http.HttpResults;
using Payments.ProviderSimulator.Faults;
using Payments.ProviderSimulator.Payments;
using Payments.ProviderSimulator.Stripe.Objects;

namespace Payments.ProviderSimulator.Stripe;

/// <summary>The errors the sandbox answers, worded and coded as Stripe does (https://docs.stripe.com/error-codes).</summary>
internal static class StripeErrors
{
    private const string InvalidRequest = "invalid_request_error";

    public static JsonHttpResult<StripeErrorResponse> Result(int statusCode, StripeError error) =>
        TypedResults.Json(new StripeErrorResponse(error), statusCode: statusCode);

    public static StripeError Coded(string type, string? code, string message, string? param = null) =>
        new(type, message) { Code = code, Param = param, DocUrl = code is null ? null : $"https://stripe.com/docs/error-codes/{code.Replace('_', '-')}" };

    public static InvalidRequestException Missing(string param) =>
        new(Coded(InvalidRequest, "parameter_missing", $"Missing required param: {param}.", param));

    public static InvalidRequestException Invalid(string param, string? code, string message) =>
        new(Coded(InvalidRequest, code, message, param));

    public static JsonHttpResult<StripeErrorResponse> NoSuch(string resource, string id, string param) =>
        Result(StatusCodes.Status404NotFound, Coded(InvalidRequest, "resource_missing", $"No such {resource}: '{id}'", param));

    public static JsonHttpResult<StripeErrorResponse> BadRequest(string code, string message, string? param = null) =>
        Result(StatusCodes.Status400BadRequest, Coded(InvalidRequest, code, message, param));

    public static JsonHttpResult<StripeErrorResponse> NoApiKey() => Result(StatusCodes.Status401Unauthorized, new StripeError(InvalidRequest,
        "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth "
        + "(e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details."));

    public static JsonHttpResult<StripeErrorResponse> InvalidApiKey(string maskedKey) => Result(StatusCodes.Status401Unauthorized,
        new StripeError(InvalidRequest, $"Invalid API Key provided: {maskedKey}"));

    /// <summary>402 with the intent inside the error, as Stripe answers a declined confirmation.</summary>
    public static JsonHttpResult<StripeErrorResponse> CardDeclined(Payment payment)
    {
        var failure = payment.LastError!;
        var error = Coded("card_error", failure.Code, failure.Message) with
        {
            DeclineCode = failure.DeclineCode,
            Charge = failure.ChargeId,
            PaymentIntent = PaymentIntentObject.From(payment),
            PaymentMethod = PaymentMethodObject.From(failure.PaymentMethod, payment.Created),
        };
        return Result(StatusCodes.Status402PaymentRequired, error);
    }

    public static JsonHttpResult<StripeErrorResponse> IdempotencyMismatch(string key) => Result(StatusCodes.Status400BadRequest,
        new StripeError("idempotency_error",
            $"Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '{key}' if you meant to execute a different request."));

    public static JsonHttpResult<StripeErrorResponse> IdempotencyInUse(string key) => Result(StatusCodes.Status409Conflict,
        Coded("idempotency_error", "idempotency_key_in_use",
            $"There is currently another in-progress request using this Idempotent Key (that probably means you submitted twice, and the other request is still going through): {key}. Please try again later."));

    /// <summary>An injected fault: 500 api_error, or 429 rate_limit (Retry-After set by the filter).</summary>
    public static IResult Injected(ApiFault fault) => fault.Kind == ApiFaultKind.RateLimited
        ? Result(StatusCodes.Status429TooManyRequests, Coded(InvalidRequest, "rate_limit",
            "Too many requests hit the API too quickly. We recommend an exponential backoff of your requests."))
        : Result(StatusCodes.Status500InternalServerError, new StripeError("api_error",
            "An unknown error occurred (injected by the simulator's fault settings)."));
}
