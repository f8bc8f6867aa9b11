using System.Collections.Concurrent;
using System.Threading.Channels;
using Npgsql;
using Payments.Notifications.Diagnostics;

namespace Payments.Notifications.Sending;

/// <summary>
/// Commits send outcomes as they arrive, many per transaction: a commit waits for a WAL flush, so recording each email
/// on its own would make the disk's flush latency the ceiling on emails per second. An accepted email waits here only
/// for the next flush (milliseconds): that wait is the whole of the window in which a crash could send it again. So
/// there is no linger to fill batches: one would cut commits but widen that window.
/// </summary>
internal sealed partial class OutcomeRecorder(NpgsqlDataSource dataSource, NotificationsMetrics metrics, ILogger logger)
{
    private const int MaxBatch = 512;

    private readonly Channel<SendResult> _results = Channel.CreateUnbounded<SendResult>(new UnboundedChannelOptions { SingleReader = true });

    // Accepted by the SMTP server, not yet committed as sent. Should such a row be claimed again meanwhile (its lease ran
    // out while the database was away), it must not be sent again: the pending record will mark it sent.
    private readonly ConcurrentDictionary<Guid, bool> _unrecordedSends = new();

    public bool IsAwaitingRecord(Guid notificationId) => _unrecordedSends.ContainsKey(notificationId);

    public void Add(SendResult result)
    {
        if (result.Outcome == SendOutcome.Sent)
        {
            _unrecordedSends.TryAdd(result.Notification.Id, true);
        }

        _results.Writer.TryWrite(result);
    }

    /// <summary>No more results will come: <see cref="RunAsync"/> records what it has and returns.</summary>
    public void Complete() => _results.Writer.TryComplete();

    /// <summary>Runs until <see cref="Complete"/>; keeps retrying a batch while the database is away (the sends are done, only their record is missing).</summary>
    public async Task RunAsync()
    {
        var batch = new List<SendResult>(MaxBatch);
        while (await _results.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _results.Reader.TryRead(out var result))
            {
                batch.Add(result);
            }

            await RecordAsync(batch);
            batch.Clear();
        }
    }

    private async Task RecordAsync(List<SendResult> batch)
    {
        var delay = TimeSpan.FromMilliseconds(200);
        while (true)
        {
            try
            {
                await NotificationClaims.RecordAsync(dataSource, batch, CancellationToken.None);
                break;
            }
            catch (Exception ex)
            {
                LogRecordFailed(batch.Count, ex.GetType().Name, SendFailure.Redact(ex.Message));
                await Task.Delay(delay);
                delay = TimeSpan.FromSeconds(Math.Min(delay.TotalSeconds * 2, 10));
            }
        }

        foreach (var result in batch)
        {
            _unrecordedSends.TryRemove(result.Notification.Id, out _);
            Report(result);
        }
    }

    private void Report(SendResult result)
    {
        var notification = result.Notification;
        switch (result.Outcome)
        {
            case SendOutcome.Sent:
                metrics.Sent(notification.Kind);
                break;
            case SendOutcome.RetryLater:
                metrics.Failed(notification.Kind);
                LogRetrying(notification.Id, notification.OrderId, notification.Kind, notification.Attempts + 1, result.RetryAfter.TotalSeconds, result.Failure!.Reason);
                break;
            case SendOutcome.Parked:
                metrics.Failed(notification.Kind);
                metrics.Parked(notification.Kind);
                LogParked(notification.Id, notification.OrderId, notification.Kind, notification.Attempts + 1, result.Failure!.Reason);
                break;
        }
    }

    // Ids only: the recipient is personal data and never goes to a log (nor does an unredacted SMTP reply).
    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification {NotificationId} (order {OrderId}, {Kind}) attempt {Attempt} failed, retrying in {Seconds:0.#} s: {Reason}")]
    private partial void LogRetrying(Guid notificationId, Guid orderId, string kind, int attempt, double seconds, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Notification {NotificationId} (order {OrderId}, {Kind}) parked after {Attempts} attempts: {Reason}")]
    private partial void LogParked(Guid notificationId, Guid orderId, string kind, int attempts, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recording {Count} send outcomes failed ({Error}: {Reason}); retrying; this instance will not send them again meanwhile")]
    private partial void LogRecordFailed(int count, string error, string reason);
}
