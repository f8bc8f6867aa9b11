namespace Payments.Testing;

/// <summary>A throwaway server failed to start or stop; the message carries the end of its log.</summary>
public sealed class FixtureServerException : Exception
{
    // Enough of a log to show the failing step without flooding the test output.
    private const int LogTailLength = 4000;

    // How PostgreSQL and Python ("Address already in use"), RabbitMQ's AMQP listener (eaddrinuse) and its
    // Erlang distribution listener (dist_port_already_used) report a port that is taken.
    private static readonly string[] PortConflictMarkers = ["address already in use", "eaddrinuse", "dist_port_already_used"];

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
