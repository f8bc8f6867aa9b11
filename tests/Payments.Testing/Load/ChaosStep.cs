namespace Payments.Testing.Load;

/// <summary>One fault injected during a chaos run; the action answers what it did, for the run's log.</summary>
public sealed record ChaosStep(string What, Func<Task<string>> Action);
