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

    private static long TreeTicks(int pid)
    {
        var ticks = Ticks(pid, withExitedChildren: true);
        foreach (var child in Children(pid))
        {
            ticks += TreeTicks(child);
        }

        return ticks;
    }

    private static long Ticks(int pid, bool withExitedChildren)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' '); // fields from 3 (state) on
            var own = long.Parse(fields[11]) + long.Parse(fields[12]); // utime, stime (fields 14, 15)
            return withExitedChildren ? own + long.Parse(fields[13]) + long.Parse(fields[14]) : own; // cutime, cstime
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
