using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Npgsql;
using Payments.Operations.DeadLetters;

namespace Payments.Bench.Operations;

/// <summary>
/// The console's list on many dead letters: GET /api/dead-letters on the real Operations service over a database of
/// --letters (10,000) and, in the same run, over one of --baseline (100), six queries, each --requests times one after
/// another after a warm-up; beside them the service's own SQL alone (DeadLetterStore.ListAsync, no HTTP) on the large
/// database, and each query's plan there.
/// Usage: --large-postgres CONN --large-url URL --small-postgres CONN --small-url URL --token JWT --out FILE
///        [--letters 10000] [--baseline 100] [--requests 200]
/// </summary>
internal static class BenchMain
{
    private const int Warmup = 20;

    public static async Task<int> Main(string[] args)
    {
        var options = Arguments(args);
        int Int(string key, string fallback) => int.Parse(options.GetValueOrDefault(key, fallback), CultureInfo.InvariantCulture);
        var (letters, baseline, requests) = (Int("letters", "10000"), Int("baseline", "100"), Int("requests", "200"));
        var load = File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

        await using var large = NpgsqlDataSource.Create(options["large-postgres"]);
        await using var small = NpgsqlDataSource.Create(options["small-postgres"]);
        Console.WriteLine($"Seeding {letters:N0} and {baseline:N0} dead letters through DeadLetterStore.InsertAsync...");
        var clock = Stopwatch.StartNew();
        var largeOrders = await Seeding.SeedAsync(large, letters);
        var seedSeconds = clock.Elapsed.TotalSeconds;
        var smallOrders = await Seeding.SeedAsync(small, baseline);
        var tableSize = await Seeding.ScalarTextAsync(large, "SELECT pg_size_pretty(pg_total_relation_size('deadletters.messages'))");

        using var largeClient = Client(options["large-url"], options["token"]);
        using var smallClient = Client(options["small-url"], options["token"]);
        var store = new DeadLetterStore(large);
        var largeQueries = ListQuery.All(letters, largeOrders);
        var smallQueries = ListQuery.All(baseline, smallOrders);
        var rows = new List<(ListQuery Query, Latencies Small, Latencies Large, Latencies Sql, string Plan)>();
        for (var q = 0; q < largeQueries.Count; q++)
        {
            Console.WriteLine($"Measuring: {largeQueries[q].Name}");
            var smallRun = await ApiAsync(smallClient, smallQueries[q], requests);
            var largeRun = await ApiAsync(largeClient, largeQueries[q], requests);
            var sqlRun = await SqlAsync(store, largeQueries[q], requests);
            rows.Add((largeQueries[q], smallRun, largeRun, sqlRun, await PlanAsync(large, largeQueries[q])));
        }

        var report = Report(letters, baseline, requests, load, seedSeconds, tableSize, rows);
        await File.WriteAllTextAsync(options["out"], report);
        Console.WriteLine(report);
        return 0;
    }

    private static HttpClient Client(string url, string token)
    {
        var client = new HttpClient { BaseAddress = new Uri(url) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<Latencies> ApiAsync(HttpClient client, ListQuery query, int requests)
    {
        var times = new List<double>(requests);
        long matched = 0;
        for (var n = 0; n < Warmup + requests; n++)
        {
            var clock = Stopwatch.StartNew();
            using var response = await client.GetAsync(new Uri(query.Url(n), UriKind.Relative));
            response.EnsureSuccessStatusCode();
            var page = (await response.Content.ReadFromJsonAsync<DeadLetterPage>())!;
            if (n >= Warmup)
            {
                times.Add(clock.Elapsed.TotalMilliseconds);
                matched = Math.Max(matched, page.Total);
            }
        }

        return new Latencies(times, matched);
    }

    private static async Task<Latencies> SqlAsync(DeadLetterStore store, ListQuery query, int requests)
    {
        var times = new List<double>(requests);
        long matched = 0;
        for (var n = 0; n < Warmup + requests; n++)
        {
            var clock = Stopwatch.StartNew();
            var page = await store.ListAsync(query.Filter(n), query.Page(n), ListQuery.PageSize, CancellationToken.None);
            if (n >= Warmup)
            {
                times.Add(clock.Elapsed.TotalMilliseconds);
                matched = Math.Max(matched, page.Total);
            }
        }

        return new Latencies(times, matched);
    }

    private static async Task<string> PlanAsync(NpgsqlDataSource dataSource, ListQuery query)
    {
        var plan = new StringBuilder();
        foreach (var sql in new[] { query.ExplainCountSql, query.ExplainSql(0) })
        {
            await using var command = dataSource.CreateCommand($"EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) {sql}");
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                plan.AppendLine(reader.GetString(0));
            }

            plan.AppendLine();
        }

        return plan.ToString().TrimEnd();
    }

    private static string Report(int letters, int baseline, int requests, string load, double seedSeconds, string tableSize,
        List<(ListQuery Query, Latencies Small, Latencies Large, Latencies Sql, string Plan)> rows)
    {
        var inv = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine("# Operations dead-letter list benchmark").AppendLine();
        text.AppendLine(inv, $"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC by `bench/operations/run.sh` on {Environment.ProcessorCount} cores, .NET {Environment.Version};")
            .AppendLine(inv, $"PostgreSQL, RabbitMQ, two Operations processes and the bench share the cores (load average when it started: {load}). Compare within a run.").AppendLine();
        text.AppendLine(inv, $"`GET /api/dead-letters` (page size {ListQuery.PageSize}) on the real Operations service (Release, Production settings, its bearer")
            .AppendLine(inv, $"authentication) over {letters:N0} dead letters ({tableSize} with indexes), and in the same run a second instance over {baseline:N0}: the baseline.")
            .AppendLine("Letters are seeded through the service's own `DeadLetterStore.InsertAsync` (MassTransit's fault headers, a ~700-byte body): four queues")
            .AppendLine(inv, $"(60/15/15/10%), failures over 14 days, one to three per order, 15% then marked replayed and 5% discarded ({seedSeconds:0.0} s for the large one).")
            .AppendLine(inv, $"Each query: {requests} requests one after another on a kept-alive connection after {Warmup} warm-up requests; milliseconds from")
            .AppendLine("sending to the parsed answer. \"SQL alone\" is the service's `DeadLetterStore.ListAsync` called from the bench on the large database:")
            .AppendLine("the count and the page in one batch, without HTTP, authentication or JSON.").AppendLine();
        text.AppendLine(inv, $"| query | matched of {letters:N0} | p50 / p95 / p99 ms, {baseline:N0} letters | p50 / p95 / p99 ms, {letters:N0} letters | p99 ratio | SQL alone p50 / p95 / p99 ms, {letters:N0} |");
        text.AppendLine("|---|---|---|---|---|---|");
        foreach (var (query, small, large, sql, _) in rows)
        {
            text.AppendLine(inv, $"| {query.Name} | {large.Matched:N0} | {small.Summary} | {large.Summary} | {large.Percentile(99) / small.Percentile(99):0.00}x | {sql.Summary} |");
        }

        text.AppendLine().AppendLine(inv, $"Plans on the {letters:N0}-letter database (`EXPLAIN (ANALYZE, BUFFERS)` of the count, then the page, as `DeadLetterStore` writes them):").AppendLine();
        foreach (var (query, _, _, _, plan) in rows)
        {
            text.AppendLine(inv, $"<details><summary>{query.Name}</summary>").AppendLine().AppendLine("```").AppendLine(plan).AppendLine("```").AppendLine().AppendLine("</details>").AppendLine();
        }

        return text.ToString().TrimEnd() + Environment.NewLine;
    }

    private static Dictionary<string, string> Arguments(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options[args[i].TrimStart('-')] = args[i + 1];
        }

        return options;
    }
}
