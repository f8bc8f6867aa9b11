namespace Payments.EndToEnd.Tests.Telemetry;

/// <summary>One exported metric of one service, with its data points in the order they arrived.</summary>
public sealed record ReceivedMetric(string Service, string Scope, string Name, IReadOnlyList<MetricPoint> Points);
