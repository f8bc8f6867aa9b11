using System.Diagnostics;
using System.Text;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Payments.Contracts;
using Payments.Messaging.Outbox;
using Payments.Messaging.Postgres;
using Payments.Messaging.Schema;
using Payments.Messaging.Wire;
using RabbitMQ.Client;
using MessageUrn = Payments.Messaging.Wire.MessageUrn;

namespace Payments.Bench.Orders;

internal sealed class OrdersBenchmark(BenchSettings settings)
{
    private const string OrdersQueue = "orders-payment-events";
    private const string BaselineQueue = "bench-baseline-events";
    private const string Sink = "bench-order-events-sink";

    public async Task<string> RunAsync()
    {
        var ours = await CreateDatabaseAsync("bench_orders");
        var baseline = await CreateDatabaseAsync("bench_baseline");
        await using var broker = await new ConnectionFactory { Uri = new Uri(settings.AmqpUri) }.CreateConnectionAsync();
        await using var channel = await broker.CreateChannelAsync(new CreateChannelOptions(true, true));
        await DeclareSinkAsync(channel);
        var log = Path.Combine(Path.GetTempPath(), $"bench-orders-{Environment.ProcessId}.log");

        // The service migrates its own schema on first start (and declares its queues); the baseline gets the same scripts.
        await using (var first = new OrdersProcess(settings.AmqpUri, ours, log))
        {
            await first.StartAsync();
        }

        await MigrateAsync(baseline);
        await SeedOrdersAsync(ours);
        await SeedOrdersAsync(baseline);

        // 1. The real service.
        await PublishEventsAsync(channel, exchange: MessageUrn.ExchangeFor(typeof(PaymentEventReceived)), routingKey: "");
        var service = new OrdersProcess(settings.AmqpUri, ours, log, settings.Concurrency);
        await service.StartAsync();
        var oursRate = await MeasureAppliedAsync(ours);
        await WaitOutboxEmptyAsync(ours);
        await service.StopAsync();

        // 2. The baseline, same concurrency, same server, and the same relay publishing its outbox rows alongside
        //    (an Orders process on the baseline's database: its own queue is empty by now).
        await PublishEventsAsync(channel, exchange: "", routingKey: BaselineQueue);
        double baselineRate;
        await using (var baselineRelay = new OrdersProcess(settings.AmqpUri, baseline, log))
        {
            await baselineRelay.StartAsync();
            baselineRate = await RunBaselineAsync(baseline);
            await WaitOutboxEmptyAsync(baseline);
        }

        // 3. The relay alone, on rows committed while it was down.
        await InsertOutboxRowsAsync(ours, settings.RelayRows);
        await using (var relay = new OrdersProcess(settings.AmqpUri, ours, log))
        {
            await relay.StartAsync();
            var relayRate = await MeasureRelayAsync(ours, settings.RelayRows);
            await channel.QueuePurgeAsync(Sink);
            return Report(oursRate, baselineRate, relayRate);
        }
    }

    private async Task<double> MeasureAppliedAsync(string database)
    {
        var (rate, _) = await MeasureProgressAsync(database, "SELECT count(*) FROM orders.payment_events", settings.Events, increasing: true);
        return rate;
    }

    private async Task<double> RunBaselineAsync(string database)
    {
        await using var dataSource = DataSource(database);
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(new Uri(settings.AmqpUri));
            cfg.ReceiveEndpoint(BaselineQueue, e =>
            {
                e.SetQuorumQueue();
                e.PrefetchCount = 64;
                e.ConcurrentMessageLimit = settings.Concurrency;
                e.Consumer(() => new SeparateCommandsConsumer(dataSource));
            });
        });
        await bus.StartAsync();
        try
        {
            var (rate, _) = await MeasureProgressAsync(database, "SELECT count(*) FROM orders.payment_events", settings.Events, increasing: true);
            return rate;
        }
        finally
        {
            await bus.StopAsync();
        }
    }

    private static async Task<double> MeasureRelayAsync(string database, int rows)
    {
        var (rate, _) = await MeasureProgressAsync(database, "SELECT count(*) FROM messaging.outbox", rows, increasing: false);
        return rate;
    }

    /// <summary>
    /// Polls a count and times the work from the first observed change to done, so process start-up is not counted.
    /// </summary>
    private static async Task<(double Rate, TimeSpan Elapsed)> MeasureProgressAsync(string database, string countSql, long total, bool increasing)
    {
        await using var dataSource = NpgsqlDataSource.Create(database);
        Stopwatch? clock = null;
        long startDone = 0;
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(5))
        {
            await using var command = dataSource.CreateCommand(countSql);
            var count = (long)(await command.ExecuteScalarAsync())!;
            var done = increasing ? count : total - count;
            if (clock is null && done > 0)
            {
                clock = Stopwatch.StartNew();
                startDone = done;
            }

            if (done >= total)
            {
                var elapsed = clock!.Elapsed;
                return ((total - startDone) / Math.Max(elapsed.TotalSeconds, 0.001), elapsed);
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"'{countSql}' did not reach {total} within 5 minutes.");
    }

    private async Task PublishEventsAsync(IChannel channel, string exchange, string routingKey)
    {
        var type = MessageUrn.For(typeof(PaymentEventReceived));
        var pending = new List<Task>(1000);
        for (var i = 0; i < settings.Events; i++)
        {
            var e = new PaymentEventReceived(Guid.NewGuid(), "bench", "stripe", $"evt_{i}", PaymentEventKind.Succeeded, $"pi_{i}", OrderId(i).ToString(),
                4200, "EUR", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow);
            var body = MessageEnvelope.Write(e.EventId.ToString(), type, JsonSerializer.SerializeToUtf8Bytes(e, OutboxWriter.Json), null, DateTimeOffset.UtcNow);
            var properties = new BasicProperties { Persistent = true, MessageId = e.EventId.ToString(), ContentType = MessageEnvelope.ContentType };
            pending.Add(channel.BasicPublishAsync(exchange, routingKey, true, properties, body).AsTask());
            if (pending.Count == 1000)
            {
                await Task.WhenAll(pending);
                pending.Clear();
            }
        }

        await Task.WhenAll(pending);
    }

    private async Task SeedOrdersAsync(string database)
    {
        await using var dataSource = DataSource(database);
        await using var command = dataSource.CreateCommand(
            """
            INSERT INTO orders.orders (id, amount_minor, currency, customer_email, provider, payment_id)
            SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(n), 12, '0'))::uuid, 4200, 'EUR', 'bench@example.com', 'stripe', 'pi_' || n
            FROM generate_series(0, $1 - 1) AS n
            """);
        command.Parameters.AddWithValue(settings.Events);
        await command.ExecuteNonQueryAsync();
    }

    private static Guid OrderId(int n) => Guid.Parse($"00000000-0000-4000-8000-{n:x12}");

    private static async Task InsertOutboxRowsAsync(string database, int rows)
    {
        await using var dataSource = NpgsqlDataSource.Create(database);
        await using var command = dataSource.CreateCommand(
            """
            INSERT INTO messaging.outbox (id, message_type, destination, body, headers)
            SELECT gen_random_uuid(), 'urn:message:Payments.Contracts:OrderPaid', 'Payments.Contracts:OrderPaid',
                   json_build_object('orderId', gen_random_uuid(), 'paymentId', 'pi_' || n, 'amountMinor', 4200, 'currency', 'EUR',
                                     'customerEmail', 'bench@example.com', 'paidAt', now(), 'causationId', gen_random_uuid()), '{}'
            FROM generate_series(1, $1) AS n
            """);
        command.Parameters.AddWithValue(rows);
        await command.ExecuteNonQueryAsync();
    }

    // Only the wait matters here, not the rate; a Task<T> cannot be awaited with SuppressThrowing, so it is awaited as a Task.
    private static async Task WaitOutboxEmptyAsync(string database) =>
        await ((Task)MeasureProgressAsync(database, "SELECT count(*) = 0 FROM messaging.outbox", 1, increasing: true)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);

    private static async Task DeclareSinkAsync(IChannel channel)
    {
        await channel.QueueDeclareAsync(Sink, durable: true, exclusive: false, autoDelete: false,
            arguments: new Dictionary<string, object?> { ["x-queue-type"] = "quorum" });
        await channel.ExchangeDeclareAsync(MessageUrn.ExchangeFor(typeof(OrderPaid)), ExchangeType.Fanout, durable: true);
        await channel.QueueBindAsync(Sink, MessageUrn.ExchangeFor(typeof(OrderPaid)), "");
        await channel.QueuePurgeAsync(Sink);
        // Declared as MassTransit will, so events published before the baseline bus starts wait in it.
        await channel.QueueDeclareAsync(BaselineQueue, durable: true, exclusive: false, autoDelete: false,
            arguments: new Dictionary<string, object?> { ["x-queue-type"] = "quorum" });
    }

    private async Task<string> CreateDatabaseAsync(string name)
    {
        await using var admin = NpgsqlDataSource.Create(settings.PostgresAdmin);
        await using (var drop = admin.CreateCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        {
            await drop.ExecuteNonQueryAsync();
        }

        await using (var create = admin.CreateCommand($"CREATE DATABASE {name}"))
        {
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(settings.PostgresAdmin) { Database = name, MaxPoolSize = 100 }.ConnectionString;
    }

    private static async Task MigrateAsync(string database)
    {
        await using var dataSource = NpgsqlDataSource.Create(database);
        var scripts = new[] { SchemaScripts.From(typeof(OutboxWriter).Assembly), SchemaScripts.From(typeof(Payments.Orders.OrdersExtensions).Assembly) };
        await new SchemaMigrator(dataSource, scripts, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
    }

    // The service's own pool settings (PoolSettings), so the comparison is about round trips only.
    private static NpgsqlDataSource DataSource(string database) => NpgsqlDataSource.Create(PoolSettings.Apply(database));

    private string Report(double ours, double baseline, double relay)
    {
        var text = new StringBuilder();
        text.AppendLine("# Orders benchmark");
        text.AppendLine();
        text.AppendLine($"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC by `bench/orders/run.sh` on {Environment.ProcessorCount} cores; RabbitMQ, PostgreSQL (default durability: fsync and synchronous_commit on),");
        text.AppendLine("the service and the load share them. Events are pre-published to the queue; rates are timed from the first observed change to the last.");
        var runtime = Environment.GetEnvironmentVariable("ORDERS_RUNTIME_ENV");
        text.AppendLine($"The service ran with {(string.IsNullOrWhiteSpace(runtime) ? "no runtime settings from its launcher" : $"`{runtime}` from its launcher (scripts/lib/runtime.sh)")}.");
        text.AppendLine();
        text.AppendLine("| run | events / messages | rate per second |");
        text.AppendLine("|---|---|---|");
        text.AppendLine($"| Orders service: inbox + lock + decide + history + state change + outbox, busy deliveries in group commits (relay running alongside) | {settings.Events} | {ours:0} |");
        text.AppendLine($"| Baseline: the same transaction as separate commands, same concurrency ({settings.Concurrency}) (relay running alongside) | {settings.Events} | {baseline:0} |");
        text.AppendLine($"| Outbox relay, one instance, rows committed while it was down | {settings.RelayRows} | {relay:0} |");
        text.AppendLine();
        text.AppendLine($"- Applied events/s: **{ours:0}** (target ≥ 2,000: {(ours >= 2000 ? "met" : "NOT met")}); {ours / baseline:0.00}x the separate-commands baseline.");
        text.AppendLine($"- Relay messages/s per instance: **{relay:0}** (target ≥ 8,000: {(relay >= 8000 ? "met" : "NOT met")}).");
        text.AppendLine($"- Load average when the run ended: {LoadAverage()} (other work on the machine competes for the same cores).");
        return text.ToString();
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
