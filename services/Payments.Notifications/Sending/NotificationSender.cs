using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Options;
using Npgsql;
using Payments.Messaging.Postgres;
using Payments.Notifications.Diagnostics;
using Payments.Notifications.Notifications;

namespace Payments.Notifications.Sending;

/// <summary>
/// Sends recorded notifications. Each worker claims one due row with FOR UPDATE SKIP LOCKED, sends it over its own SMTP
/// connection while holding the row lock, and commits the outcome in the same transaction, so any number of workers
/// and instances share the work and a crash before the commit only leaves the row pending (see README: the one window
/// in which an email can go out twice). Wakes on NOTIFY from the consumer's transaction, polls as a fallback.
/// </summary>
internal sealed partial class NotificationSender(
    NpgsqlDataSource dataSource,
    DatabaseReadiness readiness,
    IOptions<DeliveryOptions> delivery,
    IOptions<SmtpOptions> smtp,
    NotificationsMetrics metrics,
    TimeProvider time,
    ILogger<NotificationSender> logger) : BackgroundService
{
    private readonly DeliveryOptions _options = delivery.Value;
    private readonly WakeSignal _wake = new();

    // Accepted by the SMTP server, but the commit that records it failed (database blip): if this process claims the
    // row again it records the send instead of repeating it. A crash loses this memory; that is the documented window.
    private readonly ConcurrentDictionary<Guid, bool> _sentButUnrecorded = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await readiness.WaitAsync(stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        if (!SmtpSocketTuning.IsAvailable)
        {
            LogNagleTuningUnavailable();
        }

        var loops = Enumerable.Range(0, Math.Max(1, _options.Workers)).Select(_ => WorkAsync(stoppingToken)).Append(ListenAsync(stoppingToken));
        await Task.WhenAll(loops);
    }

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        using var mailer = new SmtpMailer(smtp.Value, time);
        while (!stoppingToken.IsCancellationRequested)
        {
            var wake = _wake.Next;
            var claimed = false;
            try
            {
                claimed = await SendNextAsync(mailer, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogSendLoopFailed(ex.GetType().Name, SendFailure.Redact(ex.Message));
            }

            if (!claimed)
            {
                await WakeSignal.WaitAsync(wake, _options.PollInterval, stoppingToken);
            }
        }
    }

    /// <returns>Whether a notification was claimed (and so another may be waiting).</returns>
    private async Task<bool> SendNextAsync(SmtpMailer mailer, CancellationToken stoppingToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
        await using var transaction = await connection.BeginTransactionAsync(stoppingToken);
        var notification = await NotificationClaims.ClaimAsync(connection, transaction, stoppingToken);
        if (notification is null)
        {
            return false;
        }

        // From here on no stopping token: a send in flight finishes (bounded by Smtp:Timeout) and its outcome is recorded.
        var (outcome, command, failure) = _sentButUnrecorded.ContainsKey(notification.Id)
            ? (SendOutcome.Sent, NotificationClaims.Sent(notification.Id), null)
            : await SendAsync(mailer, notification);
        command.Connection = connection;
        command.Transaction = transaction;
        try
        {
            await command.ExecuteNonQueryAsync(CancellationToken.None);
            await transaction.CommitAsync(CancellationToken.None);
        }
        catch when (outcome == SendOutcome.Sent)
        {
            _sentButUnrecorded.TryAdd(notification.Id, true);
            throw;
        }
        finally
        {
            await command.DisposeAsync();
        }

        _sentButUnrecorded.TryRemove(notification.Id, out _);
        Report(notification, outcome, failure);
        return true;
    }

    private async Task<(SendOutcome, NpgsqlCommand, SendFailure?)> SendAsync(SmtpMailer mailer, PendingNotification notification)
    {
        using var activity = NotificationsTelemetry.Source.StartActivity("notification send", ActivityKind.Client);
        activity?.SetTag("payments.notification.id", notification.Id.ToString());
        activity?.SetTag("payments.order.id", notification.OrderId.ToString());
        activity?.SetTag("payments.notification.kind", notification.Kind);
        activity?.SetTag("payments.notification.attempt", notification.Attempts + 1);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await mailer.SendAsync(notification);
            metrics.SendCompleted(notification.Kind, Stopwatch.GetElapsedTime(started), succeeded: true);
            return (SendOutcome.Sent, NotificationClaims.Sent(notification.Id), null);
        }
        catch (Exception ex)
        {
            metrics.SendCompleted(notification.Kind, Stopwatch.GetElapsedTime(started), succeeded: false);
            var failure = SendFailure.From(ex);
            activity?.SetStatus(ActivityStatusCode.Error, failure.Reason);
            if (failure.Permanent || notification.Attempts + 1 >= _options.MaxAttempts)
            {
                return (SendOutcome.Parked, NotificationClaims.Park(notification.Id, failure.Reason), failure);
            }

            return (SendOutcome.RetryLater, NotificationClaims.RetryLater(notification.Id, failure.Reason, Backoff.After(notification.Attempts + 1, _options)), failure);
        }
    }

    private void Report(PendingNotification notification, SendOutcome outcome, SendFailure? failure)
    {
        switch (outcome)
        {
            case SendOutcome.Sent:
                metrics.Sent(notification.Kind);
                break;
            case SendOutcome.RetryLater:
                metrics.Failed(notification.Kind);
                LogRetrying(notification.Id, notification.OrderId, notification.Kind, notification.Attempts + 1, failure!.Reason);
                break;
            case SendOutcome.Parked:
                metrics.Failed(notification.Kind);
                metrics.Parked(notification.Kind);
                LogParked(notification.Id, notification.OrderId, notification.Kind, notification.Attempts + 1, failure!.Reason);
                break;
        }
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, _) => _wake.Pulse();
                await using (var listen = new NpgsqlCommand($"LISTEN {NotificationRows.WakeChannel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                _wake.Pulse(); // rows recorded while we were not listening
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogListenFailed(ex.GetType().Name, ex.Message);
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    // Ids only: the recipient is personal data and never goes to a log (nor does an unredacted SMTP reply).
    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification {NotificationId} (order {OrderId}, {Kind}) attempt {Attempt} failed, will retry: {Reason}")]
    private partial void LogRetrying(Guid notificationId, Guid orderId, string kind, int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Notification {NotificationId} (order {OrderId}, {Kind}) parked after {Attempts} attempts: {Reason}")]
    private partial void LogParked(Guid notificationId, Guid orderId, string kind, int attempts, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification sender loop failed ({Error}: {Reason}); trying again")]
    private partial void LogSendLoopFailed(string error, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification LISTEN connection lost ({Error}: {Reason}); polling until it is back")]
    private partial void LogListenFailed(string error, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot switch Nagle's algorithm off for SMTP connections on this runtime; every email will wait ~40 ms for a delayed ACK")]
    private partial void LogNagleTuningUnavailable();
}
