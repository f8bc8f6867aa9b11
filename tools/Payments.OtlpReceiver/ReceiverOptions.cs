using System.ComponentModel.DataAnnotations;

namespace Payments.OtlpReceiver;

/// <summary>Configuration section "Receiver": where it listens and how much it keeps.</summary>
public sealed class ReceiverOptions
{
    public const string Section = "Receiver";

    /// <summary>OTLP/HTTP, as Jaeger's collector (Receiver:OtlpPort).</summary>
    [Range(1, 65535)]
    public int OtlpPort { get; set; } = 4318;

    /// <summary>Jaeger's query API and UI port (Receiver:QueryPort).</summary>
    [Range(1, 65535)]
    public int QueryPort { get; set; } = 16686;

    /// <summary>Traces kept in memory, oldest dropped first (Receiver:MaxTraces).</summary>
    [Range(1, 1_000_000)]
    public int MaxTraces { get; set; } = 10_000;
}
