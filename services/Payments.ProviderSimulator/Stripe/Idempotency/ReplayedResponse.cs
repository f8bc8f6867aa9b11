namespace Payments.ProviderSimulator.Stripe.Idempotency;

/// <summary>A saved answer sent again, byte for byte, marked Idempotent-Replayed: true as Stripe marks it.</summary>
internal sealed class ReplayedResponse(StoredResponse response) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = response.StatusCode;
        httpContext.Response.Headers["Idempotent-Replayed"] = "true";
        httpContext.Response.ContentType = "application/json; charset=utf-8";
        await httpContext.Response.WriteAsync(response.Body, httpContext.RequestAborted);
    }
}
