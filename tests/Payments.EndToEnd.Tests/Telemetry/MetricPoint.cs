namespace Payments.EndToEnd.Tests.Telemetry;

/// <summary>A data point: the value of a gauge or sum, the count of a histogram.</summary>
public sealed record MetricPoint(IReadOnlyDictionary<string, string> Attributes, double Value);
