namespace Payments.Operations.DeadLetters;

public sealed record ReplayResult(int Replayed);
