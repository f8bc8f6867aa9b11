using Payments.Testing.Load;

namespace Payments.Bench.Soak;

/// <summary>What one soak did and found: the faults as they ran, the ledger (null if the system never settled), memory, failures.</summary>
public sealed record SoakReport(
    SoakSettings Settings,
    DateTimeOffset Started,
    TimeSpan Loaded,
    string LoadAverageAtStart,
    string LoadAverageAtEnd,
    int OrdersPlaced,
    IReadOnlyList<string> FaultLog,
    Outcome? Outcome,
    IReadOnlyList<string> ServiceNames,
    IReadOnlyList<MemorySample> Memory,
    IReadOnlyList<string> Failures);
