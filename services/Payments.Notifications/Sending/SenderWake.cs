namespace Payments.Notifications.Sending;

/// <summary>
/// Wakes this instance's claimer when a notification due now was committed here (by the consumer, when its send queue
/// was full, or by a resend); rows handed straight to the send queue need no claim and no wake.
/// Why not LISTEN/NOTIFY: PostgreSQL serializes the commits of every transaction that sends a NOTIFY (PreCommit_Notify
/// in src/backend/commands/async.c takes a database-wide lock held until after the commit record is flushed), which
/// would cap the consumer at one commit per WAL flush (pg_test_fsync: ~220 fdatasync/s on this project's machines).
/// The instance that records a row is also the one best placed to send it; polling covers the rest.
/// </summary>
public sealed class SenderWake
{
    private readonly WakeSignal _signal = new();

    internal Task Next => _signal.Next;

    public void Pulse() => _signal.Pulse();
}
