using Payments.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Payments.Ingress.Diagnostics;
using Payments.Ingress.Publishing;
using Payments.Ingress.Webhooks.Schemes;

namespace Payments.Ingress.Webhooks;

/// <summary>What the webhook endpoint needs (one singleton over singletons instead of seven parameters), and how it refuses.</summary>
internal sealed partial class WebhookIntake(
    WebhookSources sources,
    PaymentEventPublisher publisher,
    IngressMetrics metrics,
    IOptions<IngressOptions> options,
    IOptions<RetryAfterOptions> retryAfter,
    TimeProvider time,
    ILogger<WebhookIntake> logger)
{
    public WebhookSources Sources => sources;

    public PaymentEventPublisher Publisher => publisher;

    public IngressMetrics Metrics => metrics;

    public IOptions<IngressOptions> Options => options;

    public IOptions<RetryAfterOptions> RetryAfter => retryAfter;

    public TimeProvider Time => time;

    /// <summary>Counts the refusal and answers problem+json (RFC 9457) with a secret-free detail.</summary>
    public ProblemHttpResult Reject(string source, string reason, int status, string title, string detail)
    {
        metrics.Rejected(source, reason);
        return TypedResults.Problem(detail, statusCode: status, title: title,
            extensions: new Dictionary<string, object?> { ["reason"] = reason });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook from {Source} refused: {Reason}")]
    public partial void LogRejected(string source, RejectionReason reason);

    /// <summary>The one record an SRE finds an accepted webhook by: it carries the webhook's trace id like the consumers' do.</summary>
    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook from {Source} accepted: {Kind} as event {EventId} (provider event {ProviderEventId})")]
    public partial void LogAccepted(string source, PaymentEventKind kind, Guid eventId, string providerEventId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook from {Source} answered 503: {Reason}")]
    public partial void LogUnavailable(string source, string reason);
}
