using System.Threading.Channels;

namespace Payments.Messaging.Outbox;

/// <summary>
/// Wakes this process's relay right after a transaction that wrote outbox rows commits. Writers in this process use it
/// instead of NOTIFY: PostgreSQL holds one database-wide lock from a notifying transaction's pre-commit until its commit
/// record is flushed, so notifying transactions commit one at a time and lose group commit. NOTIFY remains for
/// writers elsewhere (operators re-queueing, other tools); polling covers the rest.
/// </summary>
public sealed class OutboxSignal
{
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Wake() => _wake.Writer.TryWrite(true);

    /// <summary>Waits for a wake-up or the poll interval, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan pollInterval, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(pollInterval);
        try
        {
            await _wake.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // Poll interval elapsed (or stopping): look again.
        }
    }
}
