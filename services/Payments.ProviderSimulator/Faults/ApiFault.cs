namespace Payments.ProviderSimulator.Faults;

/// <summary>The fault decided for one API request: an error instead of an answer, a delay before it, or neither.</summary>
internal sealed record ApiFault(ApiFaultKind Kind, int DelayMs, int RetryAfterSeconds);
