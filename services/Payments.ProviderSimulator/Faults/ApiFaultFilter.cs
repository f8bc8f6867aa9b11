using Payments.ProviderSimulator.Diagnostics;

namespace Payments.ProviderSimulator.Faults;

/// <summary>
/// Slows an API request or answers it with an error before it runs, as an overloaded provider would. Nothing was
/// executed, so nothing is saved under the request's Idempotency-Key and a retry with the same key runs for real.
/// <paramref name="errorResult"/> shapes the error the way the provider being played does.
/// </summary>
internal sealed class ApiFaultFilter(Func<ApiFault, IResult> errorResult) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var services = http.RequestServices;
        var fault = services.GetRequiredService<FaultInjector>().DecideApi();
        var stats = services.GetRequiredService<SimulatorStats>();
        var logger = services.GetRequiredService<ILogger<ApiFaultFilter>>();
        var route = $"{http.Request.Method} {http.Request.Path}";
        if (fault.DelayMs > 0)
        {
            stats.ApiDelayed();
            logger.ApiDelayed(route, fault.DelayMs);
            await Task.Delay(fault.DelayMs, http.RequestAborted);
        }

        switch (fault.Kind)
        {
            case ApiFaultKind.ServerError:
                stats.ApiErrorInjected();
                logger.ApiErrorInjected(route, StatusCodes.Status500InternalServerError);
                return errorResult(fault);
            case ApiFaultKind.RateLimited:
                stats.RateLimitInjected();
                logger.ApiErrorInjected(route, StatusCodes.Status429TooManyRequests);
                http.Response.Headers.RetryAfter = fault.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return errorResult(fault);
            default:
                return await next(context);
        }
    }
}
