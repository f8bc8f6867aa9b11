using System.Diagnostics;
using System.Globalization;
using System.Text;
using Npgsql;
using Payments.Messaging.Schema;
using Payments.Reconciliation;
using Payments.Reconciliation.Housekeeping;
using Payments.Reconciliation.Providers.Stripe;

namespace Payments.Bench.Reconciliation;

/// <summary>
/// Housekeeping over many pending payments of which few are stale: the service's own pass (its registration, SQL and
/// Stripe client against the provider simulator), timed per pass with every provider request counted, first as shipped
/// (partial index on next_check_at), then in the same run without that index as the baseline.
/// Usage: --postgres CONN --simulator URL --api-key KEY --out FILE [--payments 100000] [--stale 1000] [--runs 5]
/// </summary>
internal static class BenchMain
{
    private const string ClaimQuery =
        "SELECT order_id FROM reconciliation.payments WHERE next_check_at <= now() ORDER BY next_check_at LIMIT 100 FOR UPDATE SKIP LOCKED";

    public static async Task<int> Main(string[] args)
    {
        var options = Arguments(args);
        var (total, stale, runs) = (int.Parse(options.GetValueOrDefault("payments", "100000"), CultureInfo.InvariantCulture),
            int.Parse(options.GetValueOrDefault("stale", "1000"), CultureInfo.InvariantCulture), int.Parse(options.GetValueOrDefault("runs", "5"), CultureInfo.InvariantCulture));
        var load = File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
        var calls = new ProviderCalls();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", Args = [] });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = options["postgres"],
            ["ConnectionStrings:RabbitMq"] = "amqp://guest:guest@127.0.0.1:1/", // never connected: no hosted service is started
            ["Provider:BaseUrl"] = options["simulator"],
            ["Provider:ApiKey"] = options["api-key"],
        });
        builder.AddReconciliation();
        builder.Services.AddHttpClient<StripeStatusClient>().AddHttpMessageHandler(() => new CallCounter(calls));
        await using var app = builder.Build();
        await app.Services.GetRequiredService<SchemaMigrator>().MigrateAsync(CancellationToken.None);
        var dataSource = app.Services.GetRequiredService<NpgsqlDataSource>();

        Console.WriteLine($"Creating {stale} intents at the simulator, seeding {total} pending payments...");
        var intents = await Seeding.CreateIntentsAsync(options["simulator"], options["api-key"], stale);
        await Seeding.SeedAsync(dataSource, intents, total);
        var pending = await Seeding.CountAsync(dataSource, "SELECT count(*) FROM reconciliation.payments WHERE next_check_at IS NOT NULL");

        var shipped = await MeasureAsync("partial index on next_check_at (as shipped)", app.Services, dataSource, intents, calls, runs);
        await Seeding.ExecuteAsync(dataSource, "DROP INDEX reconciliation.payments_due");
        await Seeding.ExecuteAsync(dataSource, "ANALYZE reconciliation.payments");
        var baseline = await MeasureAsync("baseline: no index on next_check_at", app.Services, dataSource, intents, calls, runs);
        await Seeding.ExecuteAsync(dataSource, "CREATE INDEX payments_due ON reconciliation.payments (next_check_at) WHERE next_check_at IS NOT NULL");

        var report = Report(total, pending, stale, runs, load, [shipped, baseline]);
        await File.WriteAllTextAsync(options["out"], report);
        Console.WriteLine(report);
        return shipped.Passes.Concat(baseline.Passes).All(p => p.OnlyStaleAsked && p.Checked == stale) ? 0 : 1;
    }

    private static async Task<Variant> MeasureAsync(string name, IServiceProvider services, NpgsqlDataSource dataSource, List<string> intents, ProviderCalls calls, int runs)
    {
        Console.WriteLine($"Measuring: {name}");
        var staleIds = intents.ToHashSet(StringComparer.Ordinal);
        var passes = new List<PassRun>();
        for (var run = 0; run <= runs; run++)
        {
            await Seeding.ResetAsync(dataSource, intents);
            calls.Reset();
            await using var scope = services.CreateAsyncScope();
            var summary = await scope.ServiceProvider.GetRequiredService<HousekeepingPass>().RunAsync(CancellationToken.None);
            var result = new PassRun(summary.Duration.TotalMilliseconds, summary.Claimed, summary.Checked, summary.Announced, calls.Requests,
                calls.IntentsAsked.Count, calls.IntentsAsked.Keys.All(staleIds.Contains) && calls.IntentsAsked.Values.All(n => n == 1));
            if (run > 0)
            {
                passes.Add(result); // run 0 warms up connections, prepared statements and JIT
            }
        }

        var sweeps = new List<double>();
        for (var run = 0; run <= runs; run++)
        {
            await Seeding.ResetAsync(dataSource, intents);
            var clock = Stopwatch.StartNew();
            while ((await PaymentClaims.ClaimAsync(dataSource, 100, TimeSpan.FromMinutes(5), DateTimeOffset.UtcNow, CancellationToken.None)).Count > 0)
            {
            }

            if (run > 0)
            {
                sweeps.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        await Seeding.ResetAsync(dataSource, intents);
        return new Variant(name, passes, sweeps, await PlanAsync(dataSource));
    }

    private static async Task<string> PlanAsync(NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand($"EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) {ClaimQuery}", connection, transaction);
        var plan = new StringBuilder();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.AppendLine(reader.GetString(0));
            }
        }

        await transaction.RollbackAsync();
        return plan.ToString().TrimEnd();
    }

    private static string Report(int total, long pending, int stale, int runs, string load, List<Variant> variants)
    {
        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        text.AppendLine("# Reconciliation housekeeping benchmark").AppendLine();
        text.AppendLine(inv, $"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC by `bench/reconciliation/run.sh` on {Environment.ProcessorCount} cores, .NET {Environment.Version};")
            .AppendLine(inv, $"PostgreSQL, the provider simulator and the bench share the cores (load average when it started: {load}). Compare within a run.").AppendLine();
        text.AppendLine(inv, $"{total:N0} payments awaiting an outcome ({pending:N0} watched), {stale:N0} of them stale (due now; real PaymentIntents at the simulator,")
            .AppendLine(inv, $"every tenth succeeded, the rest pending); the other {total - stale:N0} are due later and carry ids the simulator never issued, so a query")
            .AppendLine("about one of them would show up as a request for an unknown intent. One pass = the service's `HousekeepingPass` (claim 100 with")
            .AppendLine("FOR UPDATE SKIP LOCKED, 8 provider calls in flight through the Stripe client and its Polly pipeline, settle findings + outbox + next")
            .AppendLine(inv, $"checks), until nothing is due. Each figure is over {runs} passes after one warm-up pass, the stale payments made due again before each.")
            .AppendLine("Provider requests are counted by a handler in the Stripe client's HTTP pipeline.").AppendLine();
        text.AppendLine("| variant | pass median ms | min | max | payments checked | provider HTTP requests | intents asked about | only stale ones, once each | outcomes announced | claim-only sweep median ms |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var v in variants)
        {
            var ms = v.Passes.Select(p => p.Milliseconds).ToList();
            var last = v.Passes[^1];
            text.AppendLine(inv, $"| {v.Name} | {Variant.Median(ms):0} | {ms.Min():0} | {ms.Max():0} | {last.Checked} | {last.Requests} | {last.IntentsAsked} | {(v.Passes.All(p => p.OnlyStaleAsked) ? "yes" : "NO")} | {last.Announced} | {Variant.Median(v.ClaimSweepMilliseconds):0.0} |");
        }

        text.AppendLine().AppendLine("Provider HTTP requests exceed payments checked by the succeeded ones: for a succeeded intent the client also reads its latest charge (a refund shows only there).")
            .AppendLine("The claim-only sweep claims every due payment in batches of 100 without asking the provider: the database's share of a pass.").AppendLine();
        foreach (var v in variants)
        {
            text.AppendLine(inv, $"Plan of one claim (`{ClaimQuery}`), {v.Name}:").AppendLine().AppendLine("```").AppendLine(v.Plan).AppendLine("```").AppendLine();
        }

        return text.ToString();
    }

    private static Dictionary<string, string> Arguments(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options[args[i].TrimStart('-')] = args[i + 1];
        }

        foreach (var required in new[] { "postgres", "simulator", "api-key", "out" })
        {
            if (!options.ContainsKey(required))
            {
                throw new ArgumentException($"Missing --{required}. Usage: --postgres CONN --simulator URL --api-key KEY --out FILE [--payments N] [--stale N] [--runs N]");
            }
        }

        return options;
    }
}
