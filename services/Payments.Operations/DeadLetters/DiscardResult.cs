namespace Payments.Operations.DeadLetters;

public sealed record DiscardResult(int Discarded);
