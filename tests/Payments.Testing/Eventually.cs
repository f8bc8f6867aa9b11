using System.Diagnostics;

namespace Payments.Testing;

/// <summary>
/// Waits for an eventual effect (a message delivered, a row written, a mail received) by polling with a
/// bounded wait, instead of sleeping for a fixed time and hoping. A probe that throws counts as "not yet";
/// on timeout the last exception becomes the inner exception.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    // Start fast so quick effects are seen at once, back off so slow ones do not busy the (shared) CPU.
    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromMilliseconds(500);

    public static Task TrueAsync(
        Func<Task<bool>> condition,
        TimeSpan? timeout = null,
        string? because = null,
        CancellationToken cancellationToken = default) =>
        ValueAsync(condition, static holds => holds, timeout, because, cancellationToken);

    public static Task TrueAsync(
        Func<bool> condition,
        TimeSpan? timeout = null,
        string? because = null,
        CancellationToken cancellationToken = default) =>
        TrueAsync(() => Task.FromResult(condition()), timeout, because, cancellationToken);

    /// <summary>Polls <paramref name="probe"/> until <paramref name="accept"/> approves its value, and returns that value.</summary>
    public static async Task<T> ValueAsync<T>(
        Func<Task<T>> probe,
        Func<T, bool> accept,
        TimeSpan? timeout = null,
        string? because = null,
        CancellationToken cancellationToken = default)
    {
        var limit = timeout ?? DefaultTimeout;
        var clock = Stopwatch.StartNew();
        var delay = FirstDelay;
        var attempts = 0;
        var lastValue = "(none)";
        Exception? lastError = null;

        while (true)
        {
            attempts++;
            try
            {
                var value = await probe();
                if (accept(value))
                    return value;
                lastValue = value?.ToString() ?? "null";
                lastError = null;
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                lastError = e;
            }

            var left = limit - clock.Elapsed;
            if (left <= TimeSpan.Zero)
            {
                var what = because ?? "the condition to hold";
                var last = lastError is null ? $"last value: {lastValue}" : $"last attempt threw {lastError.GetType().Name}: {lastError.Message}";
                throw new TimeoutException(
                    $"Waited {limit.TotalSeconds:0.#} s ({attempts} attempts) for {what}; {last}.",
                    lastError);
            }

            await Task.Delay(delay < left ? delay : left, cancellationToken);
            delay = delay * 2 < MaxDelay ? delay * 2 : MaxDelay;
        }
    }
}
