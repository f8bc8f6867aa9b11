using System.Globalization;
using System.Reflection;
using Payments.Testing.Hosting;

namespace Payments.Compose.Tests.Compose;

/// <summary>
/// Runs compose-reaper.sh: once at the start of a run, to remove the projects of earlier runs that were killed before
/// they could run `down`, and detached for this run, so a kill -9 of the test host leaves no container behind either.
/// </summary>
public static class ComposeReaper
{
    // Passed as $0, so `pgrep -f payments-compose-reaper` finds a stray reaper.
    private const string ProcessName = "payments-compose-reaper";

    private static readonly string Script = ReadScript();

    public static async Task SweepAsync(CancellationToken cancellationToken) =>
        (await Command.RunAsync("/bin/bash", ["-c", Script, ProcessName], TimeSpan.FromMinutes(2), cancellationToken)).EnsureSuccess();

    public static async Task GuardAsync(CancellationToken cancellationToken)
    {
        // setsid --fork: its own session, re-parented to init, so neither a kill of the test host nor a signal to the
        // test run's process group takes it down too.
        var owner = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        (await Command.RunAsync("/usr/bin/setsid", ["--fork", "/bin/bash", "-c", Script, ProcessName, "--watch", owner],
            TimeSpan.FromSeconds(10), cancellationToken)).EnsureSuccess();
    }

    private static string ReadScript()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("compose-reaper.sh")
            ?? throw new InvalidOperationException("compose-reaper.sh is not embedded in the test assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
