using Microsoft.Extensions.Options;
using Npgsql;
using Polly;
using Payments.Messaging.Outbox;
using Payments.Messaging.Postgres;
using Payments.Orders.Diagnostics;
using Payments.Orders.PaymentCreation;
using Payments.Orders.PaymentEvents;

namespace Payments.Orders.Ordering;

/// <summary>
/// Creates an order and its payment at the provider. The order and a deferred CreateOrderPayment command commit
/// together; then one inline call at the provider (its resilience handler retries transient answers), bounded in all by
/// Provider:Timeout. If it succeeds, the payment id is recorded, OrderCreated announced and the deferred command
/// cancelled in one transaction; if the provider is unreachable (or we crash), the command fires from the outbox and
/// retries until it succeeds.
/// </summary>
internal sealed partial class OrderCreation(
    NpgsqlDataSource dataSource,
    OutboxSignal outbox,
    IPaymentCreator provider,
    IOptions<ProviderOptions> providerOptions,
    OrdersMetrics metrics,
    TimeProvider time,
    ILogger<OrderCreation> logger)
{
    public async Task<CreationResult> CreateAsync(CreateOrderRequest request, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var fingerprint = request.Fingerprint();
        if (idempotencyKey is not null && await OrderQueries.FindByIdempotencyKeyAsync(dataSource, idempotencyKey, cancellationToken) is { } existing)
        {
            return Replay(existing, fingerprint);
        }

        var orderId = Guid.CreateVersion7();
        var commandId = Guid.CreateVersion7();
        if (!await InsertAsync(orderId, commandId, request, idempotencyKey, fingerprint, cancellationToken))
        {
            // Lost a race with a concurrent request carrying the same key.
            return Replay((await OrderQueries.FindByIdempotencyKeyAsync(dataSource, idempotencyKey!, cancellationToken))!.Value, fingerprint);
        }

        metrics.Created();
        await TryCreatePaymentAsync(orderId, commandId, request, cancellationToken);
        return new CreationResult.Created(orderId, Replayed: false);
    }

    private static CreationResult Replay((Guid Id, string Fingerprint) existing, string fingerprint) =>
        existing.Fingerprint == fingerprint ? new CreationResult.Created(existing.Id, Replayed: true) : new CreationResult.KeyReused();

    private async Task<bool> InsertAsync(Guid orderId, Guid commandId, CreateOrderRequest request, string? key, string fingerprint, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction);
        var insert = new NpgsqlBatchCommand(
            """
            INSERT INTO orders.orders (id, amount_minor, currency, customer_email, idempotency_key, request_fingerprint, trace_id)
            VALUES ($1, $2, $3, $4, $5, $6, $7)
            ON CONFLICT (idempotency_key) DO NOTHING
            """)
            .Bind(orderId)
            .Bind<long>(request.AmountMinor!.Value)
            .Bind(request.Currency!.ToUpperInvariant())
            .Bind(request.CustomerEmail!.Trim())
            .Bind(key)
            .Bind(fingerprint)
            .Bind(OrderHistory.TraceId());
        batch.BatchCommands.Add(insert);
        batch.BatchCommands.Add(OutboxWriter.Insert(new CreateOrderPayment(orderId), commandId,
            time.GetUtcNow() + providerOptions.Value.FallbackDelay, mandatory: true));
        await batch.ExecuteNonQueryAsync(cancellationToken);
        if (insert.RecordsAffected == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private async Task TryCreatePaymentAsync(Guid orderId, Guid commandId, CreateOrderRequest request, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(providerOptions.Value.Timeout);
        try
        {
            var paymentId = await provider.CreateAsync(orderId, request.AmountMinor!.Value, request.Currency!, timeout.Token);
            await PaymentRecording.RecordAsync(dataSource, outbox, orderId, commandId, provider.Provider, paymentId, cancellationToken);
        }
        // ExecutionRejectedException: the resilience handler's open circuit or attempt timeout.
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or ExecutionRejectedException && !cancellationToken.IsCancellationRequested)
        {
            LogDeferred(orderId, ex.GetType().Name, providerOptions.Value.FallbackDelay.TotalSeconds);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId}: provider unavailable ({Error}); payment creation retried from the outbox in {Seconds}s")]
    private partial void LogDeferred(Guid orderId, string error, double seconds);
}
