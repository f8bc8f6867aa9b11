namespace Payments.ProviderSimulator.Deliveries;

/// <summary>One HTTP attempt: the receiver's status code, or why there was none (connection refused, timeout).</summary>
internal sealed record DeliveryAttempt(int Number, DateTimeOffset StartedAt, int? StatusCode, string? Error, double DurationMs);
