using System.Globalization;

namespace Payments.Testing.Hosting;

/// <summary>
/// Starts and runs reaper.sh, the watchdog that cleans up a fixture directory and its servers once the
/// test host is gone, even when the host was killed with SIGKILL and never ran DisposeAsync.
/// </summary>
internal static class Reaper
{
    // Passed as $0, so `pgrep -f payments-fixture-reaper` finds a stray reaper.
    private const string ProcessName = "payments-fixture-reaper";

    private static readonly TimeSpan LaunchTimeout = TimeSpan.FromSeconds(10);

    // A sweep may wait for stale servers to shut down (5 s) before killing them.
    private static readonly TimeSpan SweepTimeout = TimeSpan.FromSeconds(30);

    private static readonly string Script = EmbeddedText.Read("reaper.sh");

    /// <summary>Watches <paramref name="ownerPid"/> from a detached process and cleans up after it (where one can run: <see cref="HostFeatures.CanGuard"/>).</summary>
    public static async Task GuardAsync(int ownerPid, string directory, CancellationToken cancellationToken)
    {
        if (!HostFeatures.CanGuard)
            return;

        // setsid --fork: the reaper gets its own session and is re-parented to init, so neither a kill of
        // the test host nor a signal to the test run's process group takes it down too.
        var result = await Command.RunAsync(
            HostFeatures.Setsid,
            ["--fork", "/bin/bash", "-c", Script, ProcessName, Pid(ownerPid), directory],
            LaunchTimeout,
            cancellationToken);
        result.EnsureSuccess();
    }

    /// <summary>Cleans up every fixture directory whose owner process no longer runs.</summary>
    public static async Task SweepAsync(string root, CancellationToken cancellationToken)
    {
        // reaper.sh tells a gone owner by its /proc entry: without /proc every owner would look gone.
        if (!HostFeatures.CanGuard || !Directory.Exists(root))
            return;

        var sweeps = Directory.EnumerateDirectories(root)
            .Select(directory => (Directory: directory, Owner: OwnerOf(directory)))
            .Where(candidate => candidate.Owner is int owner && owner != Environment.ProcessId)
            .Select(candidate => Command.RunAsync(
                "/bin/bash",
                ["-c", Script, ProcessName, "--once", Pid(candidate.Owner!.Value), candidate.Directory],
                SweepTimeout,
                cancellationToken));
        await Task.WhenAll(sweeps);
    }

    // Fixture directories are named <owner pid>-<kind>-<id>; anything else in the root is not ours.
    private static int? OwnerOf(string directory)
    {
        var name = Path.GetFileName(directory);
        var dash = name.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 && int.TryParse(name.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            ? pid
            : null;
    }

    private static string Pid(int pid) => pid.ToString(CultureInfo.InvariantCulture);
}
