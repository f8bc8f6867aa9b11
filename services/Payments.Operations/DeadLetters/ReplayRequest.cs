namespace Payments.Operations.DeadLetters;

/// <summary>Either ids (one or a selection) or a filter (everything still dead that matches).</summary>
public sealed record ReplayRequest(IReadOnlyList<long>? Ids, DeadLetterFilter? Filter);
