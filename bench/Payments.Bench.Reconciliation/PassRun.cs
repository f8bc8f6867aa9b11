namespace Payments.Bench.Reconciliation;

/// <summary>One measured housekeeping pass.</summary>
internal sealed record PassRun(double Milliseconds, int Claimed, int Checked, int Announced, int Requests, int IntentsAsked, bool OnlyStaleAsked);
