namespace Payments.ProviderSimulator.Deliveries;

/// <summary>
/// The faults injected into one delivery. <paramref name="DuplicatedAs"/> names the copy sent besides it;
/// <paramref name="ReleasedAfter"/> names the delivery a held-back one was sent after ("timeout" when none came).
/// </summary>
internal sealed record DeliveryFaultsView(bool Dropped, string? DuplicatedAs, int DelayMs, bool Reordered, string? ReleasedAfter);
