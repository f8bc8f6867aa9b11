using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Payments.Contracts;
using Payments.Reconciliation.Tests.Infrastructure;
using Payments.Testing;
using Payments.Testing.Messaging;
using Payments.Testing.Postgres;

namespace Payments.Reconciliation.Tests.Inbox;

/// <summary>
/// A database written by the release that keyed the inbox by handler class name: reconciliation.002_inbox_keys carries
/// its rows over to the declared inbox keys when the service starts, so an event it remembers is still a duplicate.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class When_inbox_rows_predate_the_inbox_keys(PaymentSystem system) : IAsyncLifetime
{
    private readonly Guid _handledBefore = Guid.CreateVersion7();
    private ReconciliationApp _app = null!;
    private TestBus _bus = null!;
    private MetricTotals _metrics = null!;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        var database = await system.Postgres.CreateDatabaseAsync("reconciliation", ct);
        await EarlierSchema.MigrateUpToAsync(database, typeof(ReconciliationExtensions).Assembly, "reconciliation.002_inbox_keys", ct);
        await using (var dataSource = NpgsqlDataSource.Create(database))
        await using (var insert = dataSource.CreateCommand("INSERT INTO messaging.inbox (consumer, message_id) VALUES ('OrderCreatedHandler', $1)"))
        {
            insert.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = _handledBefore });
            await insert.ExecuteNonQueryAsync(ct);
        }

        (_app, _) = await ReconciliationApp.StartAsync(system.Broker, system.Postgres, system.Simulator.BaseUrl, database: database);
        _metrics = new MetricTotals(_app.Services.GetRequiredService<IMeterFactory>(), "payments.inbox.duplicates");
        _bus = await TestBus.ConnectAsync(system.Broker);
    }

    public async ValueTask DisposeAsync()
    {
        _metrics?.Dispose();
        await _bus.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Should_treat_a_redelivery_of_an_event_handled_before_as_a_duplicate()
    {
        var ct = TestContext.Current.CancellationToken;
        var created = new OrderCreated(Guid.NewGuid(), "stripe", $"pi_{Guid.NewGuid():N}", 4200, "EUR", CustomerEmail: null, DateTimeOffset.UtcNow);

        await _bus.PublishAsync(created, typeof(OrderCreated), _handledBefore);

        await Eventually.TrueAsync(() => _metrics.Tagged("payments.inbox.duplicates", "consumer=order-created") >= 1,
            TimeSpan.FromSeconds(20), "the redelivery to be recognised as a duplicate", ct);
        (await _app.ScalarAsync<long>($"SELECT count(*) FROM reconciliation.payments WHERE order_id = '{created.OrderId}'")).ShouldBe(0);
    }
}
