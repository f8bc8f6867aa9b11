namespace Payments.Reconciliation.Housekeeping;

/// <summary>What one housekeeping pass did.</summary>
public sealed record PassSummary(int Claimed, int Checked, int Announced, int Stuck, int ProviderErrors, TimeSpan Duration);
