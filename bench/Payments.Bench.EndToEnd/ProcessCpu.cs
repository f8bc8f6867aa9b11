namespace Payments.Bench.EndToEnd;

/// <summary>
/// CPU time of the processes that share the machine, read from /proc: who pays how much for a webhook. A group is
/// named pids (--processes "orders=123,postgres=456+789"); a pid's children count too (PostgreSQL's backends, the
/// broker's helpers): the ones alive now by their own ticks, the ones that exited by the parent's cutime/cstime.
/// </summary>
internal sealed class ProcessCpu(IReadOnlyList<(string Name, int[] Pids)> groups)
{
    private static readonly double TicksPerSecond = 100; // USER_HZ: 100 on every Linux we run on

    public IReadOnlyList<string> Names { get; } = [.. groups.Select(g => g.Name), "load generator"];

    public static ProcessCpu Parse(string? spec) => new(string.IsNullOrEmpty(spec) ? [] :
        [.. spec.Split(',').Select(part => part.Split('=')).Select(kv => (kv[0], kv[1].Split('+').Select(int.Parse).ToArray()))]);

    /// <summary>CPU seconds used so far, per group (in <see cref="Names"/> order).</summary>
    public double[] Snapshot()
    {
        var seconds = groups.Select(g => g.Pids.Sum(TreeTicks) / TicksPerSecond).ToList();
        seconds.Add(System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds);
        return [.. seconds];
    }

    /// <summary>CPU seconds the whole machine has been busy so far (every process, ours or not): /proc/stat's first line.</summary>
    public static double MachineSeconds()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // user, nice, system, (idle, iowait skipped), irq, softirq, steal
        return new[] { 1, 2, 3, 6, 7, 8 }.Sum(i => long.Parse(fields[i])) / TicksPerSecond;
    }

    /// <summary>The one-minute load average: how many runnable tasks shared the cores, ours and whatever else ran.</summary>
    public static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ')[0];

    private static long TreeTicks(int pid)
    {
        var ticks = Ticks(pid);
        foreach (var child in Children(pid))
        {
            ticks += TreeTicks(child);
        }

        return ticks;
    }

    /// <summary>The process's own ticks and those of its children that exited (cutime, cstime).</summary>
    private static long Ticks(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' '); // fields from 3 (state) on
            return fields.Skip(11).Take(4).Sum(long.Parse); // utime, stime, cutime, cstime (fields 14-17)
        }
        catch (IOException)
        {
            return 0; // gone
        }
    }

    private static IEnumerable<int> Children(int pid)
    {
        var path = $"/proc/{pid}/task/{pid}/children";
        return File.Exists(path) ? File.ReadAllText(path).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse) : [];
    }
}
