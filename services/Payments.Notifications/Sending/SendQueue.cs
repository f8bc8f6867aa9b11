using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Payments.Notifications.Sending;

/// <summary>
/// What this instance's mailers send next: rows its sender claimed from the database, and rows its consumer has just
/// committed already leased to this instance (a hand-off: no claim, no second read of the row). A hand-off is decided
/// before the insert, while the queue has room, so the lease is written by the insert itself; should the instance die
/// before sending, the row becomes due when that lease ends and any instance sends it then.
/// </summary>
/// <remarks>
/// A <see cref="BlockingCollection{T}"/>, not a channel: a row wakes one idle mailer. A channel completes every waiting
/// reader on each write, so with the mailers idle, as they are at ordinary rates, each email woke all of them, and all
/// but one spun and went back to sleep (docs/decisions/0036-one-wake-up-per-email.md).
/// </remarks>
public sealed class SendQueue(IOptions<DeliveryOptions> delivery) : IDisposable
{
    // Handed-off rows wait behind at most this many: ~0.5 s of sending at full speed, far less than a lease. A burst
    // larger than that is recorded due and claimed later (a claim rewrites and reads back every row it takes).
    private readonly int _handOffLimit = delivery.Value.Workers * 128;
    private readonly BlockingCollection<PendingNotification> _queue = new(new ConcurrentQueue<PendingNotification>());
    private volatile bool _open;

    /// <summary>The lease a handed-off row is inserted with.</summary>
    public TimeSpan Lease { get; } = delivery.Value.Lease;

    /// <summary>Whether a notification recorded now should be leased to this instance and handed over once committed.</summary>
    public bool HasRoom => _open && _queue.Count < _handOffLimit;

    internal int Count => _queue.Count;

    /// <summary>Queues a row this instance holds the lease of (claimed, or inserted leased and committed).</summary>
    internal void Add(PendingNotification notification)
    {
        try
        {
            _queue.Add(notification);
        }
        catch (InvalidOperationException) when (_queue.IsAddingCompleted)
        {
            // Closed meanwhile: the row stays leased to this instance and is sent by whoever claims it after its lease.
        }
    }

    /// <summary>The rows to send, one mailer's share at a time: blocks while the queue is empty, ends once it is closed and drained.</summary>
    internal IEnumerable<PendingNotification> Take() => _queue.GetConsumingEnumerable();

    /// <summary>The sender runs: hand-offs may begin.</summary>
    internal void Open() => _open = true;

    /// <summary>The sender stops: no more hand-offs; a row leased meanwhile is sent by whoever claims it after its lease.</summary>
    internal void Close()
    {
        _open = false;
        _queue.CompleteAdding();
    }

    public void Dispose() => _queue.Dispose();
}
