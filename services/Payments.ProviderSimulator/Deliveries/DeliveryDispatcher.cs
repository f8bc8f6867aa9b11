using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using Payments.ProviderSimulator.Configuration;
using Payments.ProviderSimulator.Diagnostics;
using Payments.ProviderSimulator.Targets;

namespace Payments.ProviderSimulator.Deliveries;

/// <summary>
/// Sends webhooks: Simulator:Delivery:MaxConcurrency workers take due deliveries off the queue, so at most that many
/// requests are in flight. Any 2xx is delivered (Stripe's rule); anything else, a timeout or a refused connection
/// is retried on the <see cref="RetrySchedule"/>. Redirects are not followed: Stripe counts a 3xx as a failure.
/// </summary>
internal sealed class DeliveryDispatcher(
    DeliveryQueue queue,
    IHttpClientFactory clients,
    IEnumerable<IWebhookFormat> formats,
    TargetRegistry targets,
    RetrySchedule schedule,
    Reorderer reorderer,
    SimulatorStats stats,
    IOptions<SimulatorOptions> options,
    TimeProvider time,
    ILogger<DeliveryDispatcher> logger) : BackgroundService
{
    public const string ClientName = "webhooks";

    private readonly Dictionary<string, IWebhookFormat> _formats = formats.ToDictionary(f => f.Scheme);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, options.Value.Delivery.MaxConcurrency).Select(_ => WorkAsync(stoppingToken)));

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var delivery in queue.Due.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await AttemptAsync(delivery, stoppingToken);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.AttemptCrashed(e, delivery.Id);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; what is still queued is lost, as documented.
        }
    }

    private async Task AttemptAsync(Delivery delivery, CancellationToken stoppingToken)
    {
        var target = delivery.Target;
        if (targets.Find(target.Id) is null)
        {
            delivery.Cancel();
            stats.DeliveryClosed();
            logger.DeliveryCancelled(delivery.Id, target.Id);
            reorderer.FirstAttemptFinished(delivery);
            return;
        }

        var started = time.GetUtcNow();
        var (number, sinceFirst) = delivery.BeginAttempt(started);
        using var activity = SimulatorTelemetry.Source.StartActivity("webhook deliver");
        activity?.SetTag("payments.simulator.delivery_id", delivery.Id);
        activity?.SetTag("payments.simulator.event_id", delivery.Event.Id);
        activity?.SetTag("payments.simulator.scheme", target.Scheme);
        activity?.SetTag("payments.simulator.attempt", number);
        stats.Sent(target.Scheme);

        var (status, retryAfter, error, duration) = await SendAsync(delivery, started, stoppingToken);
        var attempt = new DeliveryAttempt(number, started, status, error, duration.TotalMilliseconds);
        activity?.SetTag("http.response.status_code", status);
        if (status is >= 200 and < 300)
        {
            delivery.Delivered(attempt);
            stats.Delivered(target.Scheme, duration);
            stats.DeliveryClosed();
            logger.WebhookDelivered(delivery.Id, delivery.Event.Id, target.Id, number, status.Value);
        }
        else if (schedule.NextDelay(number, sinceFirst, retryAfter) is { } delay)
        {
            activity?.SetStatus(ActivityStatusCode.Error);
            delivery.Failed(attempt, started + delay);
            stats.FailedAttempt(target.Scheme, duration);
            stats.Retried(target.Scheme);
            logger.AttemptFailed(delivery.Id, delivery.Event.Id, target.Id, number, status?.ToString(CultureInfo.InvariantCulture) ?? error ?? "no answer", delay.TotalMilliseconds);
            queue.Schedule(delivery, delay);
        }
        else
        {
            activity?.SetStatus(ActivityStatusCode.Error);
            delivery.GaveUp(attempt);
            stats.FailedAttempt(target.Scheme, duration);
            stats.GaveUp(target.Scheme);
            stats.DeliveryClosed();
            logger.DeliveryGaveUp(delivery.Id, delivery.Event.Id, target.Id, number);
        }

        if (number == 1)
        {
            reorderer.FirstAttemptFinished(delivery);
        }
    }

    private async Task<(int? Status, TimeSpan? RetryAfter, string? Error, TimeSpan Duration)> SendAsync(
        Delivery delivery, DateTimeOffset now, CancellationToken stoppingToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Target.Url)
            {
                Content = new ByteArrayContent(delivery.Message.Body),
            };
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(delivery.Message.ContentType);
            _formats[delivery.Target.Scheme].Sign(request, delivery.Message, delivery.Target, now);
            using var response = await clients.CreateClient(ClientName).SendAsync(request, stoppingToken);
            return ((int)response.StatusCode, RetrySchedule.RetryAfter(response, time.GetUtcNow()), null, Stopwatch.GetElapsedTime(started));
        }
        catch (HttpRequestException e)
        {
            return (null, null, e.Message, Stopwatch.GetElapsedTime(started));
        }
        catch (TaskCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            return (null, null, $"no answer within {options.Value.Delivery.Timeout.TotalSeconds:0.###} s", Stopwatch.GetElapsedTime(started));
        }
    }
}
