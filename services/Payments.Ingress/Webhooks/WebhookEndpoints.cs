using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;
using Payments.Ingress.Limits;
using Payments.Ingress.Publishing;
using Payments.Messaging.Broker;
using Payments.Ingress.Webhooks.Schemes;

namespace Payments.Ingress.Webhooks;

/// <summary>
/// POST /webhooks/{source}: the only door. Order of checks: the sender's network (403) and the source's rate (429),
/// both before anything is read, source (404), media type (415), size (413), signature and freshness on the raw
/// bytes (401), shape and what the source may report (400), kind (200 if not ours), durable publish within what is
/// left of Ingress:ResponseBudget (202 / 503); the body itself must arrive within the budget (else 503).
/// </summary>
public static class WebhookEndpoints
{
    public const string Name = "ReceiveWebhook";

    public static IEndpointRouteBuilder MapWebhooks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/webhooks/{source}", ReceiveAsync)
            .WithName(Name)
            .RequireRateLimiting(SourceRateLimitPolicy.Name)
            .DisableAntiforgery()
            // The body is read raw (the signature covers its bytes); its shape depends on the source's scheme. Described
            // in the document only: Accepts<T> would make routing answer a wrong media type itself, without our reason.
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Description = "As the source's scheme sends it: JSON, or LiqPay's form fields data and signature.",
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        ["application/json"] = new(),
                        ["application/x-www-form-urlencoded"] = new(),
                    },
                };
                return Task.CompletedTask;
            })
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("Receive a signed webhook from a configured source")
            .WithDescription("Answers and their reasons: services/Payments.Ingress/README.md.");
        return endpoints;
    }

    internal static async Task<Results<Accepted<WebhookAccepted>, Ok<WebhookIgnored>, ValidationProblem, ProblemHttpResult>> ReceiveAsync(
        string source,
        HttpContext context,
        WebhookIntake intake,
        CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        if (!intake.Sources.TryGet(source, out var webhookSource))
        {
            return intake.Reject("unknown", "unknown_source", StatusCodes.Status404NotFound, "Unknown webhook source",
                $"No source named '{Truncate(source)}' is configured.");
        }

        var name = webhookSource.Name;
        intake.Metrics.Received(name);
        var scheme = webhookSource.Scheme;
        if (!HasMediaType(context.Request, scheme.MediaType))
        {
            return intake.Reject(name, "unsupported_media_type", StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                $"Source '{name}' accepts {scheme.MediaType}.");
        }

        var limit = intake.Options.Value.MaxBodyBytes;
        var budget = intake.Options.Value.ResponseBudget;
        byte[]? body;
        // The budget counts from the start of handling, so a body still trickling in when it runs out (a slow sender, a
        // congested path; slower than Kestrel's minimum rate is cut off by Kestrel) is answered 503 before it ends:
        // the provider retries, instead of counting our late answer as a timeout.
        using (var reading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            reading.CancelAfter(budget); // positive: start-up validates it against the (positive) confirm timeout
            try
            {
                body = await WebhookBody.ReadAsync(context.Request, limit, reading.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                intake.LogUnavailable(name, "the body was still arriving when the response budget ran out");
                return Unavailable(intake, context, name, "budget_exhausted",
                    "The body did not arrive within the response budget; nothing was acknowledged. Retry later.");
            }
        }

        if (body is null)
        {
            return intake.Reject(name, "payload_too_large", StatusCodes.Status413PayloadTooLarge, "Payload too large",
                $"The body exceeds the limit of {limit} bytes.");
        }

        var now = intake.Time.GetUtcNow();
        var verification = scheme.Verify(new WebhookRequest(body, context.Request.Headers), webhookSource, now);
        if (verification is not VerificationResult.Verified verified)
        {
            var reason = ((VerificationResult.Rejected)verification).Reason;
            intake.LogRejected(name, reason);
            return intake.Reject(name, reason.ToTag(), StatusCodes.Status401Unauthorized, "Webhook not verified", reason.Describe());
        }

        switch (scheme.Normalize(verified.Webhook, webhookSource, now))
        {
            case NormalizationResult.Malformed malformed:
                intake.Metrics.Rejected(name, "malformed_body");
                return TypedResults.ValidationProblem(malformed.Errors, malformed.Detail, title: "Malformed webhook body");

            case NormalizationResult.Refused refused:
                return intake.Reject(name, refused.Reason, StatusCodes.Status400BadRequest, refused.Title, refused.Detail);

            case NormalizationResult.Ignored ignored:
                intake.Metrics.Ignored(name);
                return TypedResults.Ok(new WebhookIgnored(ignored.EventType, "Verified, but not a payment event this system acts on."));

            case NormalizationResult.Normalized { Event: var @event }:
                try
                {
                    // What reading and verifying used of the budget is not left for the confirm.
                    var left = intake.Options.Value.ResponseBudget - Stopwatch.GetElapsedTime(started);
                    await intake.Publisher.PublishAsync(@event, left, cancellationToken);
                }
                catch (BrokerUnavailableException ex)
                {
                    intake.LogUnavailable(name, ex.Message);
                    return Unavailable(intake, context, name, "broker_unavailable",
                        "The event could not be made durable; nothing was acknowledged. Retry later.");
                }

                intake.Metrics.Acknowledged(name, started);
                intake.LogAccepted(name, @event.Kind, @event.EventId, @event.ProviderEventId);
                return TypedResults.Accepted((string?)null, new WebhookAccepted(@event.EventId));

            default:
                throw new UnreachableException();
        }
    }

    private static ProblemHttpResult Unavailable(WebhookIntake intake, HttpContext context, string source, string reason, string detail)
    {
        context.Response.Headers.RetryAfter = intake.RetryAfter.Value.RetryAfterSeconds.ToString();
        return intake.Reject(source, reason, StatusCodes.Status503ServiceUnavailable, "Temporarily unavailable", detail);
    }

    private static bool HasMediaType(HttpRequest request, string expected) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed)
        && parsed.MediaType.Equals(expected, StringComparison.OrdinalIgnoreCase);

    // The source comes from the URL: echo a bounded piece of it, never let a client inflate our answers or logs.
    private static string Truncate(string value) => value.Length <= 64 ? value : value[..64] + "…";
}
