using System.Diagnostics;
using System.Text.Json;
using Npgsql;
using Payments.Contracts;
using Payments.Messaging.Outbox;
using Payments.Messaging.Wire;
using RabbitMQ.Client;

namespace Payments.Bench.Notifications;

/// <summary>
/// The whole consumer path: COUNT OrderPaid events published as Orders' relay publishes them (MassTransit envelope,
/// persistent, confirmed) → queue → inbox → notification row → sender → SMTP. Timed from the first publish until the
/// service has recorded every one of them as sent (which it does only after the SMTP server accepted it).
/// </summary>
internal static class Pipeline
{
    public static OrderPaid Event(string tag) =>
        new(Guid.NewGuid(), "pi_bench_" + tag[..12], 4200, "EUR", $"customer-{tag}@bench.test", DateTimeOffset.UtcNow, Guid.NewGuid());

    /// <summary>Live: the service consumes while this process publishes (and competes with it for the cores).</summary>
    public static async Task<int> RunAsync(string amqp, string postgres, int count)
    {
        await using var dataSource = NpgsqlDataSource.Create(postgres);
        var before = await SentAsync(dataSource);
        var started = Stopwatch.GetTimestamp();
        var published = await PublishAsync(amqp, count);
        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * Math.Max(60, count / 20);
        // Cheap poll first (the pending rows' partial index), the full count only once nothing is pending: the driver
        // shares the CPU with what it measures.
        while (await PendingAsync(dataSource) || await SentAsync(dataSource) - before < count)
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                Console.Error.WriteLine($"only {await SentAsync(dataSource) - before} of {count} sent before the deadline");
                return 1;
            }

            await Task.Delay(20);
        }

        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        Console.WriteLine($"{count} {seconds:F3} {count / seconds:F1} {published:F3}");
        return 0;
    }

    /// <summary>Backlog, first half: COUNT events into the queue while the service is not running.</summary>
    public static async Task<int> PublishOnlyAsync(string amqp, int count)
    {
        var published = await PublishAsync(amqp, count);
        Console.WriteLine($"{count} {published:F3}");
        return 0;
    }

    /// <summary>
    /// Backlog, second half (the service was started on a queue holding WARMUP + COUNT events): waits until the newest
    /// WARMUP + COUNT notifications are sent, then times the steady part by the database's own clock: from the commit
    /// that recorded the WARMUP-th send (JIT and connection set-up are behind it) to the one that recorded the last.
    /// Only the emails recorded after that first commit count.
    /// </summary>
    public static async Task<int> DrainAsync(string postgres, int warmup, int count)
    {
        var total = warmup + count;
        await using var dataSource = NpgsqlDataSource.Create(postgres);
        // Started before the service, so that this process's own start-up (JIT, the first connection) is over before
        // the service starts: it says so on its first line. The rows it waits for are the next WARMUP + COUNT.
        var expected = await CountAsync(dataSource) + total;
        Console.WriteLine("ready");
        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * Math.Max(60, total / 20);
        // Pending rows first: an index lookup, and while there are any (the whole run) the scans after it are skipped.
        while (await PendingAsync(dataSource) || await CountAsync(dataSource) < expected || await NewestSentAsync(dataSource, total) < total)
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                Console.Error.WriteLine($"only {await NewestSentAsync(dataSource, total)} of {total} sent before the deadline");
                return 1;
            }

            await Task.Delay(200); // the timing is the database's: poll rarely, the cores are the service's
        }

        await using var command = dataSource.CreateCommand(
            """
            WITH newest AS (SELECT sent_at FROM notifications.notifications ORDER BY created_at DESC LIMIT $1),
                 start AS (SELECT sent_at AS t0 FROM newest ORDER BY sent_at OFFSET $2 - 1 LIMIT 1)
            SELECT extract(epoch FROM max(sent_at) - t0)::float8, count(*) FILTER (WHERE sent_at > t0)
            FROM newest, start GROUP BY t0
            """);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = total });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = Math.Max(warmup, 1) });
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        var seconds = reader.GetDouble(0);
        var timed = reader.GetInt64(1);
        await reader.CloseAsync();
        // Where the time went: when the consumer had recorded the last notification (every event taken from the queue)
        // and when the sender recorded the last send, both from the first notification's commit.
        await using var phases = dataSource.CreateCommand(
            """
            WITH newest AS (SELECT created_at, sent_at FROM notifications.notifications ORDER BY created_at DESC LIMIT $1)
            SELECT extract(epoch FROM max(created_at) - min(created_at))::float8, extract(epoch FROM max(sent_at) - min(created_at))::float8 FROM newest
            """);
        phases.Parameters.Add(new NpgsqlParameter<int> { TypedValue = total });
        await using var phase = await phases.ExecuteReaderAsync();
        await phase.ReadAsync();
        Console.WriteLine($"{timed} {seconds:F3} {timed / seconds:F1} {phase.GetDouble(0):F3} {phase.GetDouble(1):F3}");
        return 0;
    }

    private static async Task<double> PublishAsync(string amqp, int count)
    {
        await using var connection = await new ConnectionFactory { Uri = new Uri(amqp) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        var exchange = MessageUrn.ExchangeFor(typeof(OrderPaid));
        var bodies = Enumerable.Range(0, count).Select(_ => Envelope()).ToList();

        var started = Stopwatch.GetTimestamp();
        var publishes = new List<Task>(count);
        foreach (var (id, body) in bodies)
        {
            var properties = new BasicProperties { Persistent = true, MessageId = id, ContentType = MessageEnvelope.ContentType };
            publishes.Add(channel.BasicPublishAsync(exchange, "", mandatory: false, properties, body).AsTask());
            if (publishes.Count % 256 == 0)
            {
                await Task.WhenAll(publishes); // bound the unconfirmed window
            }
        }

        await Task.WhenAll(publishes);
        return Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    private static (string Id, byte[] Body) Envelope()
    {
        var id = Guid.CreateVersion7().ToString();
        var message = JsonSerializer.SerializeToUtf8Bytes(Event(Guid.NewGuid().ToString("N")), OutboxWriter.Json);
        return (id, MessageEnvelope.Write(id, MessageUrn.For(typeof(OrderPaid)), message, headers: null, DateTimeOffset.UtcNow));
    }

    private static async Task<long> CountAsync(NpgsqlDataSource dataSource)
    {
        try
        {
            await using var command = dataSource.CreateCommand("SELECT count(*) FROM notifications.notifications");
            return (long)(await command.ExecuteScalarAsync())!;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return 0; // the service has not created its schema yet
        }
    }

    private static async Task<bool> PendingAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("SELECT EXISTS (SELECT 1 FROM notifications.notifications WHERE state = 'pending')");
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<long> SentAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM notifications.notifications WHERE state = 'sent'");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<long> NewestSentAsync(NpgsqlDataSource dataSource, int count)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT count(*) FILTER (WHERE state = 'sent') FROM (SELECT state FROM notifications.notifications ORDER BY created_at DESC LIMIT $1) newest");
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = count });
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
