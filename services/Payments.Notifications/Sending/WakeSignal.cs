namespace Payments.Notifications.Sending;

/// <summary>
/// Wakes every waiter at once. A waiter takes <see cref="Next"/> before it looks for work, so a pulse that arrives
/// while it looks is not missed.
/// </summary>
internal sealed class WakeSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Next => Volatile.Read(ref _next).Task;

    public void Pulse() =>
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>Until <paramref name="next"/> completes or <paramref name="timeout"/> passes; never throws on either.</summary>
    public static async Task WaitAsync(Task next, TimeSpan timeout, CancellationToken cancellationToken) =>
        await next.WaitAsync(timeout, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
}
