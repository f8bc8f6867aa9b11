namespace Payments.Cli.DeadLetters;

/// <summary><c>GET /api/dead-letters</c>: one page of the rows matching the filter, and how many match in all.</summary>
public sealed record DeadLetterPage(IReadOnlyList<DeadLetter> Items, long Total, int Page, int PageSize)
{
    public long Pages => PageSize <= 0 ? 1 : Math.Max(1, (Total + PageSize - 1) / PageSize);
}
