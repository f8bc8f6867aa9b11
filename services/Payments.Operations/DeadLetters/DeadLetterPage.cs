namespace Payments.Operations.DeadLetters;

public sealed record DeadLetterPage(IReadOnlyList<DeadLetterSummary> Items, long Total, int Page, int PageSize);
