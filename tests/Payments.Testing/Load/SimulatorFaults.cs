using System.Text.Json.Serialization;

namespace Payments.Testing.Load;

/// <summary>The webhook faults every simulator injects (PUT /sim/faults); none by default.</summary>
public sealed record SimulatorFaults(
    [property: JsonPropertyName("drop_rate")] double DropRate = 0,
    [property: JsonPropertyName("duplicate_rate")] double DuplicateRate = 0,
    [property: JsonPropertyName("max_delay_ms")] int MaxDelayMs = 0);
