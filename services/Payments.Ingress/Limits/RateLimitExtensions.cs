namespace Payments.Ingress.Limits;

public static class RateLimitExtensions
{
    /// <summary>ASP.NET Core's rate limiter with the per-source policy; the webhook endpoint requires it by name.</summary>
    public static IServiceCollection AddSourceRateLimits(this IServiceCollection services) =>
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy<string, SourceRateLimitPolicy>(SourceRateLimitPolicy.Name);
        });
}
