using Microsoft.Extensions.Hosting;

namespace Payments.ServiceDefaults.Hosting;

/// <summary>
/// The one loop behind every job that repeats on a timer (docs/decisions/0025-one-periodic-job-loop.md): once
/// <see cref="WaitUntilReadyAsync"/> completes it runs <see cref="RunOnceAsync"/> at start (or first one interval later)
/// and then every <see cref="Interval"/>. Runs never overlap: a tick that falls during a long run is taken when it ends.
/// A failure <see cref="HandleFailure"/> accepts costs only that run; the next tick tries again.
/// </summary>
public abstract class PeriodicJob : BackgroundService
{
    protected abstract TimeSpan Interval { get; }

    /// <summary>False: the first run comes one interval after the job is ready.</summary>
    protected virtual bool RunsAtStart => true;

    /// <summary>False: the job does nothing in this instance (its configuration has nothing for it to do).</summary>
    protected virtual bool IsEnabled => true;

    protected virtual TimeProvider Time => TimeProvider.System;

    /// <summary>What the first run waits for (a migrated schema, say). Stopping while waiting ends the job.</summary>
    protected virtual Task WaitUntilReadyAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    protected abstract Task RunOnceAsync(CancellationToken cancellationToken);

    /// <summary>
    /// True when <paramref name="exception"/> costs only this run; false lets it end the job. Not asked while the job
    /// stops: whatever a run throws then ends the job quietly.
    /// </summary>
    protected abstract bool HandleFailure(Exception exception);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!IsEnabled)
        {
            return;
        }

        await WaitUntilReadyAsync(stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        using var timer = new PeriodicTimer(Interval, Time);
        try
        {
            if (RunsAtStart && !stoppingToken.IsCancellationRequested)
            {
                await RunGuardedAsync(stoppingToken);
            }

            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await RunGuardedAsync(stoppingToken);
            }
        }
        catch (Exception) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: a run cut short by it throws whatever its cancelled call threw.
        }
    }

    private async Task RunGuardedAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RunOnceAsync(stoppingToken);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested && HandleFailure(ex))
        {
            // Next tick.
        }
    }
}
