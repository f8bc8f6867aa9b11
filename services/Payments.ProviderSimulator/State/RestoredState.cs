using Microsoft.Extensions.Options;
using Payments.ProviderSimulator.Diagnostics;
using Payments.ProviderSimulator.Configuration;

namespace Payments.ProviderSimulator.State;

/// <summary>
/// The state read from Simulator:StatePath at start (null without a path or file). The ledger, the receiver
/// registry and the idempotency store restore themselves from it when first built, before any request is served.
/// </summary>
internal sealed class RestoredState
{
    public RestoredState(IOptions<SimulatorOptions> options, ILogger<RestoredState> logger)
    {
        Path = options.Value.StatePath is { Length: > 0 } path ? System.IO.Path.GetFullPath(path) : null;
        State = Path is null ? null : StateFile.Read(Path);
        if (State is not null)
        {
            logger.StateRestored(Path!, State.Ledger.Payments.Count, State.Targets.Count);
        }
    }

    /// <summary>The full path of the state file, or null when the simulator keeps nothing across restarts.</summary>
    public string? Path { get; }

    public SimulatorState? State { get; }
}
