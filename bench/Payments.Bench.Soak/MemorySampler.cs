using Payments.Testing.Services;

namespace Payments.Bench.Soak;

/// <summary>Reads VmRSS from /proc/{pid}/status of every service process, once a minute until stopped.</summary>
public sealed class MemorySampler(IReadOnlyList<(string Name, ServiceProcess Process)> services)
{
    private readonly DateTime _start = DateTime.UtcNow;

    public List<MemorySample> Samples { get; } = [];

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var minute = new PeriodicTimer(TimeSpan.FromMinutes(1));
        Sample();
        try
        {
            while (await minute.WaitForNextTickAsync(cancellationToken))
            {
                Sample();
            }
        }
        catch (OperationCanceledException)
        {
            // The soak is over: the last sample is taken by whoever stopped it.
        }
    }

    public void Sample()
    {
        lock (Samples)
        {
            Samples.Add(new MemorySample(DateTime.UtcNow - _start, services.ToDictionary(s => s.Name, s => Read(s.Process.Pid))));
        }
    }

    private static (int, long)? Read(int? pid)
    {
        if (pid is not { } id)
        {
            return null;
        }

        try
        {
            var line = File.ReadLines($"/proc/{id}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? null : (id, long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture));
        }
        catch (IOException)
        {
            return null; // exited between the pid read and the file read
        }
    }
}
