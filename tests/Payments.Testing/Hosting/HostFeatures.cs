namespace Payments.Testing.Hosting;

/// <summary>
/// The Linux parts the fixtures lean on, looked up once, so that off Linux (macOS with Docker Desktop) they fall back
/// instead of failing: /proc gives a process's start time and whether it is a zombie, setsid detaches a watchdog from
/// the test host's session. The watchdogs (reaper.sh, container-reaper.sh) need both: their scripts read /proc to
/// tell that the test host is gone, and without it they would take a live host for a dead one.
/// </summary>
internal static class HostFeatures
{
    public const string Setsid = "/usr/bin/setsid";

    public static bool HasProc { get; } = File.Exists("/proc/self/stat");

    public static bool HasSetsid { get; } = File.Exists(Setsid);

    /// <summary>
    /// True where a detached watchdog can clean up after a killed test host. Elsewhere none starts: a run that ends
    /// normally still removes everything (dispose), one that is killed leaves its servers and containers behind
    /// (Testcontainers' Ryuk, where it runs, still removes the containers).
    /// </summary>
    public static bool CanGuard => HasProc && HasSetsid;
}
