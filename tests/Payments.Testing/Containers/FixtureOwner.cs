using System.Diagnostics;
using System.Globalization;
using Payments.Testing.Hosting;

namespace Payments.Testing.Containers;

/// <summary>
/// The process a fixture container belongs to, written on the container as labels, so that a reaper can
/// remove it once that process is gone and a later run can sweep what a killed run left behind.
/// </summary>
/// <param name="Pid">Process id of the owner (the test host).</param>
/// <param name="StartTicks">When the owner started: a pid reused by another process has another start time. Clock ticks since boot
/// (/proc/PID/stat field 22) on Linux; where there is no /proc, the UTC start time's ticks (<see cref="Process.StartTime"/>).</param>
/// <param name="Host">Machine the owner runs on: an engine shared by several machines sees others' pids too.</param>
internal sealed record FixtureOwner(int Pid, long StartTicks, string Host)
{
    public const string PidLabel = "payments.fixture.owner";
    public const string StartLabel = "payments.fixture.owner-start";
    public const string HostLabel = "payments.fixture.host";

    public static FixtureOwner Current { get; } = HostFeatures.HasProc
        ? Of(Environment.ProcessId) ?? throw new InvalidOperationException("The test host cannot read its own /proc entry.")
        : new FixtureOwner(Environment.ProcessId, StartTicksOf(Process.GetCurrentProcess()), Environment.MachineName);

    public IReadOnlyDictionary<string, string> Labels => new Dictionary<string, string>
    {
        [PidLabel] = Pid.ToString(CultureInfo.InvariantCulture),
        [StartLabel] = StartTicks.ToString(CultureInfo.InvariantCulture),
        [HostLabel] = Host,
    };

    /// <summary>The running process <paramref name="pid"/>, or null once it has exited (a zombie has).</summary>
    public static FixtureOwner? Of(int pid)
    {
        if (!HostFeatures.HasProc)
            return OfProcess(pid);

        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
        }
        catch (IOException)
        {
            return null;
        }

        // The command name in parentheses may hold spaces: fields are counted after its closing one.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return fields[0] == "Z"
            ? null
            : new FixtureOwner(pid, long.Parse(fields[19], CultureInfo.InvariantCulture), Environment.MachineName);
    }

    /// <summary>Without /proc: the process API's view (a zombie may still count as running there).</summary>
    private static FixtureOwner? OfProcess(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited ? null : new FixtureOwner(pid, StartTicksOf(process), Environment.MachineName);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return null; // not running (or no longer by the time it was asked)
        }
    }

    private static long StartTicksOf(Process process) => process.StartTime.ToUniversalTime().Ticks;

    /// <summary>The owner recorded on a container's labels; null when they are not ours or not whole.</summary>
    public static FixtureOwner? FromLabels(IDictionary<string, string> labels) =>
        labels.TryGetValue(PidLabel, out var pid)
        && labels.TryGetValue(StartLabel, out var start)
        && labels.TryGetValue(HostLabel, out var host)
        && int.TryParse(pid, NumberStyles.None, CultureInfo.InvariantCulture, out var ownerPid)
        && long.TryParse(start, NumberStyles.None, CultureInfo.InvariantCulture, out var startTicks)
            ? new FixtureOwner(ownerPid, startTicks, host)
            : null;

    /// <summary>True while this owner runs on this machine (the same pid with the same start time).</summary>
    public bool IsAlive => Host == Environment.MachineName && Of(Pid) is { } running && running.StartTicks == StartTicks;
}
