using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Payments.Ingress.Webhooks;

namespace Payments.Ingress.Limits;

/// <summary>
/// One token bucket per configured source (by its configured name, so /webhooks/STRIPE draws on stripe's bucket), and
/// one shared by every unknown source. A refusal is answered like every other: problem+json, counted by reason.
/// </summary>
internal sealed class SourceRateLimitPolicy(WebhookIntake intake, IOptions<IngressOptions> options) : IRateLimiterPolicy<string>
{
    public const string Name = "webhook-source";

    private const string UnknownPartition = "";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => RejectAsync;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        var name = httpContext.Request.RouteValues["source"] as string;
        return name is not null && intake.Sources.TryGet(name, out var source)
            ? RateLimitPartition.GetTokenBucketLimiter(source.Name, key => Bucket(options.Value.Sources[key].RateLimit))
            : RateLimitPartition.GetTokenBucketLimiter(UnknownPartition, _ => Bucket(new SourceRateLimitOptions()));
    }

    private static TokenBucketRateLimiterOptions Bucket(SourceRateLimitOptions limit) => new()
    {
        TokenLimit = limit.Burst,
        TokensPerPeriod = limit.PermitsPerSecond,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = 0, // answer at once: a provider retries a 429, holding its request here would only tie up a connection
        AutoReplenishment = true,
    };

    private async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var name = http.Request.RouteValues["source"] as string is { } requested && intake.Sources.TryGet(requested, out var source)
            ? source.Name
            : "unknown";
        intake.Metrics.Received(name);
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await intake.Reject(name, "rate_limited", StatusCodes.Status429TooManyRequests, "Too many requests",
            $"Source '{name}' sends more than its configured rate; retry after {seconds} s.").ExecuteAsync(http);
    }
}
