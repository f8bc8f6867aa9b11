using System.Diagnostics;
using System.Text;
using Npgsql;

namespace Payments.Bench.EndToEnd;

internal sealed class EndToEndBenchmark(E2eSettings settings)
{
    public async Task<string> RunAsync()
    {
        var warmup = (int)(settings.WarmupRate * settings.Warmup.TotalSeconds);
        var total = warmup + settings.Rates.Sum(r => (int)(r * settings.Duration.TotalSeconds));
        await SeedAsync(settings.OrdersDb, "INSERT INTO orders.orders (id, amount_minor, currency, customer_email, provider, payment_id) " +
            "SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(n), 12, '0'))::uuid, 4200, 'EUR', 'bench' || n || '@example.com', 'stripe', 'pi_' || n FROM generate_series(0, $1 - 1) n", total);
        await SeedAsync(settings.SyncDb, "CREATE TABLE IF NOT EXISTS sync_orders (id uuid PRIMARY KEY, status text NOT NULL, amount_minor bigint NOT NULL, " +
            "currency text NOT NULL, customer_email text NOT NULL, updated_at timestamptz)", null);
        await SeedAsync(settings.SyncDb, "TRUNCATE sync_orders", null);
        await SeedAsync(settings.SyncDb, "INSERT INTO sync_orders " +
            "SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(n), 12, '0'))::uuid, 'awaiting_payment', 4200, 'EUR', 'bench' || n || '@example.com' FROM generate_series(0, $1 - 1) n", total);

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { Timeout = TimeSpan.FromSeconds(60) };
        var rows = new List<string>();
        var cpuRows = new List<string>();
        var cpu = ProcessCpu.Parse(settings.Processes);

        // Warm-up, not reported: every service's JIT, connection pools and the baseline's, at a low rate.
        var warmupIngress = await OpenLoop.RunAsync(http, settings.WarmupRate, settings.Warmup, i => StripeWebhooks.Succeeded(settings.IngressUrl + "/webhooks/stripe", settings.Secret, i));
        await MeasurePipelineAsync(0, warmup, warmupIngress.Ok);
        await OpenLoop.RunAsync(http, settings.WarmupRate, settings.Warmup, i => StripeWebhooks.Succeeded(settings.SyncUrl + "/sync-webhook", settings.Secret, i));
        Console.WriteLine($"warm-up: {warmupIngress.Ok} webhooks at {settings.WarmupRate}/s through both");

        var offset = warmup;
        foreach (var rate in settings.Rates)
        {
            var count = (int)(rate * settings.Duration.TotalSeconds);
            var first = offset;
            var load = ProcessCpu.LoadAverage();
            var before = cpu.Snapshot();
            var machineBefore = ProcessCpu.MachineSeconds();
            var clock = Stopwatch.StartNew();
            var ingress = await OpenLoop.RunAsync(http, rate, settings.Duration, i => StripeWebhooks.Succeeded(settings.IngressUrl + "/webhooks/stripe", settings.Secret, first + i));
            var (e2e, sustained, emails) = await MeasurePipelineAsync(first, count, ingress.Ok);
            var pipelineCpu = new CpuSpan(before, cpu.Snapshot(), ProcessCpu.MachineSeconds() - machineBefore, clock.Elapsed);

            // The baseline's own bill, measured the same way over its run: every listed process, whatever it did then.
            var syncBefore = cpu.Snapshot();
            var syncMachineBefore = ProcessCpu.MachineSeconds();
            var syncClock = Stopwatch.StartNew();
            var sync = await OpenLoop.RunAsync(http, rate, settings.Duration, i => StripeWebhooks.Succeeded(settings.SyncUrl + "/sync-webhook", settings.Secret, first + i));
            var syncCpu = new CpuSpan(syncBefore, cpu.Snapshot(), ProcessCpu.MachineSeconds() - syncMachineBefore, syncClock.Elapsed);
            cpuRows.Add(CpuRow(rate, pipelineCpu, emails, syncCpu, sync.Ok, load));
            offset += count;

            var ingressP99 = OpenLoop.Percentile(ingress.LatenciesMs, 0.99);
            var syncP99 = OpenLoop.Percentile(sync.LatenciesMs, 0.99);
            rows.Add($"| {rate} | {ingress.Ok} / {ingress.Failed} | {OpenLoop.Percentile(ingress.LatenciesMs, 0.5):0.0} / {ingressP99:0.0} | {emails} ({ingress.Ok - emails} lost) | {sustained:0} | " +
                     $"{OpenLoop.Percentile(e2e, 0.5):0} / {OpenLoop.Percentile(e2e, 0.99):0} | {sync.Ok} / {sync.Failed} | {OpenLoop.Percentile(sync.LatenciesMs, 0.5):0.0} / {syncP99:0.0} | {syncP99 / ingressP99:0.0}x |");
            Console.WriteLine(rows[^1]);
        }

        return Report(rows, cpu.Names, cpuRows);
    }

    /// <summary>
    /// CPU milliseconds per delivered webhook, per process, from the first request until the last email was recorded;
    /// then the same total for the synchronous baseline's run (per 2xx), their ratio, and what the machine spent
    /// outside the listed processes (other builds, tests) per webhook with the load average: a noisy row says so.
    /// </summary>
    private static string CpuRow(int rate, CpuSpan pipeline, int emails, CpuSpan sync, int syncOk, string load)
    {
        var perWebhook = pipeline.Used.Select(s => emails > 0 ? s * 1000 / emails : double.NaN);
        var total = pipeline.Used.Sum() * 1000 / Math.Max(emails, 1);
        var syncTotal = sync.Used.Sum() * 1000 / Math.Max(syncOk, 1);
        var others = Math.Max(0, pipeline.Machine - pipeline.Used.Sum()) * 1000 / Math.Max(emails, 1);
        return $"| {rate} | {string.Join(" | ", perWebhook.Select(ms => ms.ToString("0.00")))} | **{total:0.00}** | {pipeline.Used.Sum() / pipeline.Elapsed.TotalSeconds:0.00} of {Environment.ProcessorCount} | " +
               $"{syncTotal:0.00} | {total / syncTotal:0.00}x | {others:0.00} | {load} |";
    }

    /// <summary>Waits (bounded) until every acknowledged webhook's email is sent, then reads the per-webhook timestamps.</summary>
    private async Task<(List<double> LatenciesMs, double Sustained, int Emails)> MeasurePipelineAsync(int first, int count, int acknowledged)
    {
        var ids = Enumerable.Range(first, count).Select(StripeWebhooks.OrderId).ToArray();
        await using var notifications = NpgsqlDataSource.Create(settings.NotificationsDb);
        await using var orders = NpgsqlDataSource.Create(settings.OrdersDb);
        var deadline = Stopwatch.StartNew();
        var sent = new Dictionary<Guid, DateTime>();
        while (deadline.Elapsed < TimeSpan.FromMinutes(3))
        {
            sent = await ReadAsync(notifications, "SELECT order_id, sent_at FROM notifications.notifications WHERE order_id = ANY($1) AND state = 'sent'", ids);
            if (sent.Count >= acknowledged)
            {
                break;
            }

            await Task.Delay(500);
        }

        var received = await ReadAsync(orders, "SELECT order_id, received_at FROM orders.payment_events WHERE order_id = ANY($1)", ids);
        var latencies = sent.Where(s => received.ContainsKey(s.Key)).Select(s => (s.Value - received[s.Key]).TotalMilliseconds).ToList();
        var span = sent.Count == 0 ? 0 : (sent.Values.Max() - received.Values.Min()).TotalSeconds;
        return (latencies, span > 0 ? sent.Count / span : 0, sent.Count);
    }

    private static async Task<Dictionary<Guid, DateTime>> ReadAsync(NpgsqlDataSource dataSource, string sql, Guid[] ids)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = ids });
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new Dictionary<Guid, DateTime>();
        while (await reader.ReadAsync())
        {
            rows[reader.GetGuid(0)] = reader.GetDateTime(1);
        }

        return rows;
    }

    private static async Task SeedAsync(string database, string sql, int? total)
    {
        await using var dataSource = NpgsqlDataSource.Create(database);
        await using var command = dataSource.CreateCommand(sql);
        if (total is { } count)
        {
            command.Parameters.AddWithValue(count);
        }

        await command.ExecuteNonQueryAsync();
    }

    private string Report(List<string> rows, IReadOnlyList<string> names, List<string> cpuRows)
    {
        var text = new StringBuilder();
        text.AppendLine("# End-to-end benchmark");
        text.AppendLine();
        text.AppendLine($"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC by `bench/e2e/run.sh` on {Environment.ProcessorCount} cores shared by RabbitMQ, PostgreSQL (default durability),");
        text.AppendLine("an SMTP sink, the ingress, Orders, Notifications, the synchronous baseline and this load generator.");
        text.AppendLine($"Open-loop load at each rate for {settings.Duration.TotalSeconds:0} s, every webhook for a distinct order (one transition, one email each).");
        text.AppendLine("End-to-end latency: email sent (Notifications) minus webhook received (the ingress's ReceivedAt, recorded by Orders).");
        text.AppendLine();
        text.AppendLine("| rate /s | ingress 2xx / other | ingress ack p50 / p99 ms | emails sent | sustained end-to-end /s | end-to-end p50 / p99 ms | sync 2xx / other | sync p50 / p99 ms | sync p99 / ingress p99 |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|");
        rows.ForEach(r => text.AppendLine(r));
        text.AppendLine();
        text.AppendLine("Targets: ≥ 1,500 webhooks/s end to end with p99 ≤ 500 ms, ingress p99 ≥ 10x lower than the synchronous baseline's, zero loss. Read them off the table.");
        text.AppendLine($"Before the first rate, {settings.Warmup.TotalSeconds:0} s at {settings.WarmupRate}/s through both paths warm them up (JIT, pools); it is not reported.");
        text.AppendLine();
        text.AppendLine("## Where the CPU goes");
        text.AppendLine();
        text.AppendLine("CPU milliseconds per delivered webhook (email recorded as sent), per process, from the rate's first request until its");
        text.AppendLine("last email was recorded (the asynchronous path only). On these cores the sustained rate cannot exceed");
        text.AppendLine($"{Environment.ProcessorCount} × 1000 / (total ms per webhook); \"busy\" is the cores' average use over the rate's time.");
        text.AppendLine("\"sync total\" is every listed process's CPU over the synchronous baseline's run at the same rate, per 2xx, and");
        text.AppendLine("\"async / sync\" the ratio of the two totals. \"others\" is what the machine spent outside the listed processes during");
        text.AppendLine("the asynchronous run, per webhook, and \"load\" the one-minute load average at the rate's start: a high one marks a noisy row.");
        text.AppendLine();
        text.AppendLine($"| rate /s | {string.Join(" | ", names)} | total ms / webhook | cores busy | sync total ms / webhook | async / sync | others ms / webhook | load |");
        text.AppendLine($"|---|{string.Concat(names.Select(_ => "---|"))}---|---|---|---|---|---|");
        cpuRows.ForEach(r => text.AppendLine(r));
        return text.ToString();
    }
}
