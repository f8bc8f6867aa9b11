namespace Payments.Cli.DeadLetters;

/// <summary><c>POST /api/dead-letters/replay</c>'s answer.</summary>
public sealed record ReplayResult(int Replayed);

/// <summary><c>POST /api/dead-letters/discard</c>'s answer.</summary>
public sealed record DiscardResult(int Discarded);
