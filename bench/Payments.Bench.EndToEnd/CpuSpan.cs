namespace Payments.Bench.EndToEnd;

/// <summary>CPU seconds per listed process over one run, and the machine's busy seconds over the same run.</summary>
internal sealed record CpuSpan(double[] Before, double[] After, double Machine, TimeSpan Elapsed)
{
    public double[] Used { get; } = [.. After.Zip(Before, (a, b) => a - b)];
}
