using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace Payments.ProviderSimulator.Stripe.Idempotency;

/// <summary>
/// Applies the Idempotency-Key header to POSTs. Saved: every answer of an endpoint that ran, successes and
/// card declines (402) alike; not saved: parameter errors and not-found answers, which ran nothing, so the caller can
/// correct the request and retry under the same key.
/// </summary>
internal sealed class IdempotencyFilter(IdempotencyStore store, IOptions<JsonOptions> json) : IEndpointFilter
{
    private const int MaxKeyLength = 255;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var key = http.Request.Headers["Idempotency-Key"].ToString();
        if (!HttpMethods.IsPost(http.Request.Method) || key.Length == 0)
        {
            return await next(context);
        }

        if (key.Length > MaxKeyLength)
        {
            return StripeErrors.BadRequest("idempotency_key_too_long",
                $"Invalid Idempotency-Key: the key must be at most {MaxKeyLength} characters long.");
        }

        var form = await StripeForm.ReadAsync(http.Request, http.RequestAborted);
        var fingerprint = $"{http.Request.Method} {http.Request.Path}?{form.Canonical()}";
        var scope = StripeAuthFilter.ScopeOf(http);
        switch (store.Claim(scope, key, fingerprint))
        {
            case IdempotencyClaim.Replay replay:
                return new ReplayedResponse(replay.Response);
            case IdempotencyClaim.Mismatch:
                return StripeErrors.IdempotencyMismatch(key);
            case IdempotencyClaim.InProgress:
                return StripeErrors.IdempotencyInUse(key);
        }

        try
        {
            var result = await next(context);
            if (Saveable(result) is { } response)
            {
                store.Complete(scope, key, response);
            }
            else
            {
                store.Release(scope, key);
            }

            return result;
        }
        catch
        {
            store.Release(scope, key);
            throw;
        }
    }

    private StoredResponse? Saveable(object? result)
    {
        while (result is INestedHttpResult nested)
        {
            result = nested.Result;
        }

        if (result is not (IStatusCodeHttpResult status and IValueHttpResult { Value: { } value }))
        {
            return null;
        }

        var code = status.StatusCode ?? StatusCodes.Status200OK;
        return code is < 400 or StatusCodes.Status402PaymentRequired
            ? new StoredResponse(code, JsonSerializer.Serialize(value, value.GetType(), json.Value.SerializerOptions))
            : null;
    }
}
