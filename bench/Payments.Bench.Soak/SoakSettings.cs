using System.Globalization;

namespace Payments.Bench.Soak;

/// <summary>The command line: --minutes (load and faults), --order-every-ms, --fault-every-seconds, --results.</summary>
public sealed record SoakSettings(double Minutes, TimeSpan OrderSpacing, TimeSpan FaultInterval, string Results)
{
    public static SoakSettings Parse(string[] args)
    {
        string Value(string name, string fallback)
        {
            var at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
        }

        double Number(string name, string fallback) =>
            double.TryParse(Value(name, fallback), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n > 0
                ? n
                : throw new ArgumentException($"{name} must be a positive number.");

        return new SoakSettings(
            Number("--minutes", "30"),
            TimeSpan.FromMilliseconds(Number("--order-every-ms", "500")),
            TimeSpan.FromSeconds(Number("--fault-every-seconds", "30")),
            Value("--results", "bench/soak/results.md"));
    }
}
