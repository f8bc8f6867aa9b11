namespace Payments.Testing;

/// <summary>A throwaway server failed to start or stop; the message carries the end of its log.</summary>
public sealed class FixtureServerException : Exception
{
    // Enough of a log to show the failing step without flooding the test output.
    private const int LogTailLength = 4000;

    // How Docker reports a host port that is taken: by another process ("address already in use", from its
    // userland proxy) or by another container's binding ("port is already allocated"). A service process
    // reports it as Kestrel does ("address already in use").
    private static readonly string[] PortConflictMarkers = ["address already in use", "port is already allocated"];

    public FixtureServerException(string message, string log)
        : base($"{message}\n--- end of log ---\n{Tail(log)}")
    {
        Log = log;
    }

    public string Log { get; }

    /// <summary>
    /// True when the server could not bind one of its ports: another process took it between
    /// <see cref="FreePorts.Next"/> handing it out and the server binding it, so a retry on new ports helps.
    /// </summary>
    public bool IsPortConflict =>
        PortConflictMarkers.Any(marker => Log.Contains(marker, StringComparison.OrdinalIgnoreCase));

    private static string Tail(string log) => log.Length <= LogTailLength ? log : log[^LogTailLength..];
}
