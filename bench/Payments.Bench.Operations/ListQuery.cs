using System.Globalization;
using Payments.Operations.DeadLetters;

namespace Payments.Bench.Operations;

/// <summary>
/// One console query: its API query string (request <c>n</c> of a run may vary it, e.g. another order), the same filter
/// for DeadLetterStore.ListAsync, and the WHERE clause DeadLetterStore writes for it, with literals, for EXPLAIN.
/// </summary>
internal sealed record ListQuery(string Name, Func<int, string> Query, Func<int, DeadLetterFilter> Filter, Func<int, int> Page, string ExplainWhere)
{
    public const int PageSize = 50;

    private static readonly DeadLetterFilter None = new(null, null, null, null, null, null);

    /// <summary>The six queries, for a database of <paramref name="total"/> letters whose orders are <paramref name="orders"/>.</summary>
    public static List<ListQuery> All(long total, IReadOnlyList<string> orders)
    {
        var lastPage = (int)Math.Max(1, (total + PageSize - 1) / PageSize);
        var (from, to) = (Seeding.Now.AddDays(-3), Seeding.Now.AddDays(-2));
        var range = $"from={Uri.EscapeDataString(from.ToString("O", CultureInfo.InvariantCulture))}&to={Uri.EscapeDataString(to.ToString("O", CultureInfo.InvariantCulture))}";
        const string queue = "notifications-order-events_error";
        return
        [
            new("first page, unfiltered", _ => "", _ => None, _ => 1, "true"),
            new($"queue = {queue}", _ => $"queue={queue}", _ => None with { Queue = queue }, _ => 1, $"queue = '{queue}'"),
            new("reason text \"timeout\"", _ => "reason=timeout", _ => None with { Reason = "timeout" }, _ => 1,
                "(reason ILIKE '%timeout%' OR fault_message ILIKE '%timeout%' OR exception_type ILIKE '%timeout%')"),
            new("orderId (a different order each request)", n => $"orderId={orders[n % orders.Count]}", n => None with { OrderId = orders[n % orders.Count] },
                _ => 1, $"order_id = '{orders[0]}'"),
            new("time range, one day", _ => range, _ => None with { From = from, To = to }, _ => 1,
                $"failed_at >= '{from:O}' AND failed_at < '{to:O}'"),
            new($"deep page (the last, {lastPage})", _ => "", _ => None, _ => lastPage, "true"),
        ];
    }

    public string Url(int n) => $"/api/dead-letters?{Query(n)}{(Query(n).Length == 0 ? "" : "&")}page={Page(n)}&pageSize={PageSize}";

    public string ExplainSql(int n) =>
        $"SELECT id, queue, message_type, reason, exception_type, failed_at, order_id, payment_id, message_id, state FROM deadletters.messages WHERE {ExplainWhere} "
        + $"ORDER BY failed_at DESC NULLS LAST, id DESC LIMIT {PageSize} OFFSET {(long)(Page(n) - 1) * PageSize}";

    public string ExplainCountSql => $"SELECT count(*) FROM deadletters.messages WHERE {ExplainWhere}";
}
