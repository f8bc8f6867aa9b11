using System.Diagnostics;
using Microsoft.Extensions.Options;
using Npgsql;
using Payments.Messaging.Postgres;
using Payments.Notifications.Diagnostics;
using Payments.ServiceDefaults.Resilience;

namespace Payments.Notifications.Sending;

/// <summary>
/// Sends recorded notifications. The mailers, each with its own SMTP connection (SmtpClient is not thread-safe), take
/// rows from the <see cref="SendQueue"/>: rows this instance's consumer committed already leased to it (handed off), and
/// rows the claimer leased (FOR UPDATE SKIP LOCKED, so any number of instances share the work) when the consumer
/// recorded them due: retries, re-sends, other instances' rows, and anything recorded while the queue was full. The
/// <see cref="OutcomeRecorder"/> commits what became of them, many per commit. The claimer is woken in-process when this
/// instance records or re-queues a notification (<see cref="SenderWake"/>) and polls for the rest.
/// </summary>
internal sealed partial class NotificationSender(
    NpgsqlDataSource dataSource,
    DatabaseReadiness readiness,
    IOptions<DeliveryOptions> delivery,
    IOptions<SmtpOptions> smtp,
    NotificationsMetrics metrics,
    SenderWake wake,
    SendQueue queue,
    TimeProvider time,
    ILogger<NotificationSender> logger) : BackgroundService
{
    // A mailer starts a send only with at least this much of the row's lease left beyond Smtp:Timeout, so the outcome is
    // recorded before the lease could run out and another sender claim the row.
    internal static readonly TimeSpan LeaseMargin = TimeSpan.FromSeconds(10);

    // Rows claimed ahead per mailer: one claim (a commit) then feeds several sends.
    private const int ClaimAheadPerWorker = 8;

    private readonly DeliveryOptions _options = delivery.Value;

    // The claimer claims again once the queue is down to half of what it claims ahead: the claim's commit overlaps the
    // sends of the other half.
    private int ClaimAt => _options.Workers * ClaimAheadPerWorker / 2;
    private readonly WakeSignal _room = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await readiness.WaitAsync(stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (stoppingToken.IsCancellationRequested)
        {
            return;
        }

        if (!SmtpSocketTuning.IsAvailable)
        {
            LogNagleTuningUnavailable();
        }

        var recorder = new OutcomeRecorder(dataSource, metrics, logger);
        var recording = recorder.RunAsync();
        // One thread per mailer (see SmtpMailer.Send): sending keeps its pace however busy the thread pool is.
        var mailers = Enumerable.Range(0, _options.Workers)
            .Select(_ => Task.Factory.StartNew(() => Mail(recorder, stoppingToken), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default))
            .ToList();
        queue.Open();
        await ClaimAsync(recorder, stoppingToken);

        // Stopping: sends in flight finish (bounded by Smtp:Timeout), unsent rows are released, every outcome is recorded.
        queue.Close();
        await Task.WhenAll(mailers);
        recorder.Complete();
        await recording;
    }

    private async Task ClaimAsync(OutcomeRecorder recorder, CancellationToken stoppingToken)
    {
        var capacity = _options.Workers * ClaimAheadPerWorker;
        while (!stoppingToken.IsCancellationRequested)
        {
            var room = _room.Next;
            var queued = queue.Count;
            if (queued > ClaimAt)
            {
                await WakeSignal.WaitAsync(room, _options.PollInterval, stoppingToken);
                continue;
            }

            var woken = wake.Next;
            var rows = new List<PendingNotification>();
            try
            {
                rows = await NotificationClaims.ClaimAsync(dataSource, capacity - queued, _options.Lease, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogClaimFailed(ex.GetType().Name, SendFailure.Redact(ex.Message));
            }

            foreach (var row in rows.Where(row => !recorder.IsAwaitingRecord(row.Id)))
            {
                queue.Add(row);
            }

            if (rows.Count < capacity - queued)
            {
                await WakeSignal.WaitAsync(woken, _options.PollInterval, stoppingToken); // nothing more is due now
            }
        }
    }

    private void Mail(OutcomeRecorder recorder, CancellationToken stoppingToken)
    {
        using var mailer = new SmtpMailer(smtp.Value, time);
        foreach (var notification in queue.Take())
        {
            if (queue.Count <= ClaimAt)
            {
                _room.Pulse(); // the claimer tops the queue up from here on (a pulse per email cost a wake-up each)
            }

            var leaseLeft = _options.Lease - Stopwatch.GetElapsedTime(notification.ClaimedAt);
            if (leaseLeft <= LeaseMargin)
            {
                // Waited here (behind failing sends) until the lease is all but gone: the row is due again, maybe
                // claimed anew already. Recording a release now could shorten that newer lease; leave it be.
                continue;
            }

            recorder.Add(stoppingToken.IsCancellationRequested || leaseLeft < smtp.Value.Timeout + LeaseMargin
                ? new SendResult(notification, SendOutcome.Released)
                : Send(mailer, notification));
        }
    }

    private SendResult Send(SmtpMailer mailer, PendingNotification notification)
    {
        // A child of the consume span that recorded the notification (this thread has no current activity of its own).
        ActivityContext.TryParse(notification.TraceParent, notification.TraceState, out var parent);
        using var activity = NotificationsTelemetry.Source.StartActivity("notification send", ActivityKind.Client, parent);
        activity?.SetTag("payments.notification.id", notification.Id.ToString());
        activity?.SetTag("payments.order.id", notification.OrderId.ToString());
        activity?.SetTag("payments.notification.kind", notification.Kind);
        activity?.SetTag("payments.notification.attempt", notification.Attempts + 1);
        var started = Stopwatch.GetTimestamp();
        try
        {
            mailer.Send(notification);
            metrics.SendCompleted(notification.Kind, Stopwatch.GetElapsedTime(started), succeeded: true);
            return new SendResult(notification, SendOutcome.Sent);
        }
        catch (Exception ex)
        {
            metrics.SendCompleted(notification.Kind, Stopwatch.GetElapsedTime(started), succeeded: false);
            var failure = SendFailure.From(ex);
            activity?.SetStatus(ActivityStatusCode.Error, failure.Reason);
            return failure.Permanent || notification.Attempts + 1 >= _options.MaxAttempts
                ? new SendResult(notification, SendOutcome.Parked, failure)
                : new SendResult(notification, SendOutcome.RetryLater, failure, JitteredBackoff.Delay(notification.Attempts, _options.BaseBackoff, _options.MaxBackoff));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Claiming notifications failed ({Error}: {Reason}); trying again")]
    private partial void LogClaimFailed(string error, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot switch Nagle's algorithm off for SMTP connections on this runtime; every email will wait ~40 ms for a delayed ACK")]
    private partial void LogNagleTuningUnavailable();
}
