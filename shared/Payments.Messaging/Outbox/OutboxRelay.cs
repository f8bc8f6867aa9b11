using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Payments.Messaging.Broker;
using Payments.Messaging.Diagnostics;
using Payments.Messaging.Postgres;
using Payments.Messaging.Wire;
using Payments.ServiceDefaults.Resilience;
using RabbitMQ.Client;

namespace Payments.Messaging.Outbox;

/// <summary>
/// Publishes committed outbox rows. Wakes when this process commits outbox rows (<see cref="OutboxSignal"/>), on NOTIFY
/// from anywhere else, and by polling as a fallback; claims bounded batches with
/// FOR UPDATE SKIP LOCKED so any number of instances share the work, publishes each batch concurrently with
/// confirms, then deletes what was confirmed in the same transaction. A crash before that commit only means the
/// rows are published again (consumers deduplicate on the message id); a row that keeps failing backs off and is
/// eventually parked, never holding back the rows behind it.
/// </summary>
internal sealed partial class OutboxRelay(
    NpgsqlDataSource dataSource,
    ConfirmedPublisher publisher,
    DatabaseReadiness readiness,
    IOptions<OutboxOptions> options,
    MessagingMetrics metrics,
    OutboxSignal signal,
    ILogger<OutboxRelay> logger) : BackgroundService
{
    private readonly OutboxOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await readiness.WaitAsync(stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        var loops = Enumerable.Range(0, Math.Max(1, _options.Workers)).Select(_ => WorkAsync(stoppingToken)).Append(ListenAsync(stoppingToken));
        await Task.WhenAll(loops);
    }

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var relayed = 0;
            try
            {
                if (publisher.IsReady)
                {
                    relayed = await RelayBatchAsync(stoppingToken);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogRelayFailed(ex.GetType().Name, ex.Message);
            }

            if (relayed < _options.BatchSize)
            {
                await signal.WaitAsync(_options.PollInterval, stoppingToken);
            }
        }
    }

    /// <returns>How many rows were claimed.</returns>
    internal async Task<int> RelayBatchAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var rows = await OutboxStore.ClaimAsync(connection, transaction, _options.BatchSize, cancellationToken);
        if (rows.Count == 0)
        {
            return 0;
        }

        var outcomes = await Task.WhenAll(rows.Select(row => PublishAsync(row, cancellationToken)));
        var published = new List<Guid>(rows.Count);
        var retry = new List<(Guid, TimeSpan, string)>();
        var park = new List<(Guid, string)>();
        var brokerDown = !publisher.IsReady;
        for (var i = 0; i < rows.Count; i++)
        {
            var (row, error) = (rows[i], outcomes[i]);
            if (error is null)
            {
                published.Add(row.Id);
            }
            else if (brokerDown)
            {
                // Not the row's fault: leave it untouched (no attempt spent) for when the broker is back.
            }
            else if (row.Attempts + 1 >= _options.MaxAttempts)
            {
                park.Add((row.Id, error));
                metrics.Parked(row.MessageType);
                LogParked(row.Id, row.MessageType, row.Attempts + 1, error);
            }
            else
            {
                retry.Add((row.Id, JitteredBackoff.Delay(row.Attempts, _options.BaseBackoff, _options.MaxBackoff), error));
                metrics.PublishFailed(row.MessageType);
            }
        }

        await OutboxStore.SettleAsync(connection, transaction, published, retry, park, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return rows.Count;
    }

    /// <returns>null when confirmed, else the reason.</returns>
    private async Task<string?> PublishAsync(OutboxRow row, CancellationToken cancellationToken)
    {
        var headers = JsonSerializer.Deserialize<Dictionary<string, string>>(row.Headers) ?? [];
        ActivityContext.TryParse(headers.GetValueOrDefault(TraceHeaders.TraceParent), headers.GetValueOrDefault(TraceHeaders.TraceState), out var parent);
        using var activity = MessagingTelemetry.Source.StartActivity($"{row.Destination} publish", ActivityKind.Producer, parent);
        activity?.SetTag("messaging.system", "rabbitmq");
        activity?.SetTag("messaging.operation.type", "publish");
        activity?.SetTag("messaging.destination.name", row.Destination);
        activity?.SetTag("messaging.message.id", row.Id.ToString());
        if (activity is not null)
        {
            // The row carries the writer's context; the consumer continues the trace from the relay's span.
            TraceHeaders.Write(headers, activity);
        }

        var messageId = row.Id.ToString();
        var properties = new BasicProperties
        {
            Persistent = true,
            MessageId = messageId,
            ContentType = MessageEnvelope.ContentType,
            Type = row.MessageType,
            Headers = headers.ToDictionary(h => h.Key, h => (object?)h.Value),
        };
        var started = Stopwatch.GetTimestamp();
        try
        {
            var body = MessageEnvelope.Write(messageId, row.MessageType, row.Body, headers, DateTimeOffset.UtcNow);
            await publisher.PublishDeclaringAsync(row.Destination, body, properties, row.Mandatory, cancellationToken);
            metrics.Published(row.MessageType, Stopwatch.GetElapsedTime(started), DateTime.UtcNow - DateTime.SpecifyKind(row.CreatedAt, DateTimeKind.Utc));
            return null;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            return ex is BrokerUnavailableException ? ex.Message : $"{ex.GetType().Name}: {ex.Message}";
        }
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, _) => signal.Wake();
                try
                {
                    await using (var listen = new NpgsqlCommand($"LISTEN {OutboxWriter.NotifyChannel}", connection))
                    {
                        await listen.ExecuteNonQueryAsync(stoppingToken);
                    }

                    signal.Wake(); // rows written while we were not listening
                    while (!stoppingToken.IsCancellationRequested)
                    {
                        await connection.WaitAsync(stoppingToken);
                    }
                }
                finally
                {
                    await UnlistenAsync(connection);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogListenFailed(ex.GetType().Name, ex.Message);
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>
    /// The connection goes back to the pool, which does not reset it (PoolSettings): it must stop listening first, or
    /// whoever takes it next receives the outbox's notifications. A broken connection is not pooled again.
    /// </summary>
    private static async Task UnlistenAsync(NpgsqlConnection connection)
    {
        if (connection.FullState != System.Data.ConnectionState.Open)
        {
            return;
        }

        try
        {
            await using var unlisten = new NpgsqlCommand("UNLISTEN *", connection);
            await unlisten.ExecuteNonQueryAsync(CancellationToken.None);
        }
        catch (NpgsqlException)
        {
            // Broken meanwhile: Npgsql discards it instead of pooling it.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox relay batch failed ({Error}: {Reason}); rows stay in the outbox")]
    private partial void LogRelayFailed(string error, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox message {MessageId} ({MessageType}) parked after {Attempts} attempts: {Reason}")]
    private partial void LogParked(Guid messageId, string messageType, int attempts, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox LISTEN connection lost ({Error}: {Reason}); polling until it is back")]
    private partial void LogListenFailed(string error, string reason);
}
