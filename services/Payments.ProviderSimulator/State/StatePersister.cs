using System.Threading.Channels;
using Payments.ProviderSimulator.Diagnostics;
using Payments.ProviderSimulator.Payments;
using Payments.ProviderSimulator.Stripe.Idempotency;
using Payments.ProviderSimulator.Targets;

namespace Payments.ProviderSimulator.State;

/// <summary>
/// Writes the state file after every change, coalescing changes that arrive while a write is in progress into the
/// next write (so a burst of payments costs a few writes, not one each), and once more on shutdown. Does nothing
/// without Simulator:StatePath.
/// </summary>
internal sealed class StatePersister(
    RestoredState restored,
    PaymentLedger ledger,
    TargetRegistry targets,
    IdempotencyStore idempotency,
    ILogger<StatePersister> logger) : BackgroundService
{
    private readonly Channel<bool> _changes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Lock _writeGate = new();

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (restored.Path is not null)
        {
            ledger.Changed += Signal;
            targets.Changed += Signal;
            idempotency.Changed += Signal;
        }

        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (restored.Path is not null)
        {
            Write(restored.Path);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (restored.Path is not { } path)
        {
            return;
        }

        try
        {
            await foreach (var _ in _changes.Reader.ReadAllAsync(stoppingToken))
            {
                Write(path);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // StopAsync writes the last state.
        }
    }

    private void Signal() => _changes.Writer.TryWrite(true);

    private void Write(string path)
    {
        lock (_writeGate)
        {
            try
            {
                StateFile.Write(path, new SimulatorState(SimulatorState.CurrentVersion, ledger.Snapshot(), targets.Snapshot(), idempotency.Snapshot()));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                logger.StateWriteFailed(e, path);
            }
        }
    }
}
