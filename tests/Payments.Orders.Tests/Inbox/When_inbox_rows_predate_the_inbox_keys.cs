using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Payments.Contracts;
using Payments.Messaging.Schema;
using Payments.Orders.Tests.Infrastructure;
using Payments.Testing;
using Payments.Testing.Postgres;

namespace Payments.Orders.Tests.Inbox;

/// <summary>
/// A database written by the release that keyed the inbox by handler class name: orders.003_inbox_keys carries its rows
/// over to the declared inbox keys when the service starts, so a message it remembers is still a duplicate.
/// </summary>
[Collection(OrdersCollection.Name)]
public sealed class When_inbox_rows_predate_the_inbox_keys(Infrastructure.Infrastructure infrastructure) : IAsyncLifetime
{
    private const string Migration = "orders.003_inbox_keys";

    // Recorded by the earlier release under the handler's class name only.
    private readonly Guid _handledBefore = Guid.NewGuid();

    // Recorded under both names (an instance of each release, each once): the migration must not trip on the key.
    private readonly Guid _recordedTwice = Guid.NewGuid();

    private OrdersScenario _scenario = null!;
    private MetricTotals _metrics = null!;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _scenario = await OrdersScenario.CreateAsync(infrastructure, start: false);
        await EarlierSchema.MigrateUpToAsync(_scenario.Database, typeof(OrdersExtensions).Assembly, Migration, ct);
        await ExecuteAsync(
            "INSERT INTO messaging.inbox (consumer, message_id) VALUES ('PaymentEventHandler', $1), ('PaymentEventHandler', $2), ('payment-events', $2)",
            _handledBefore, _recordedTwice);

        await _scenario.StartAppAsync();
        _metrics = new MetricTotals(_scenario.App.Services.GetRequiredService<IMeterFactory>(), "payments.inbox.handled", "payments.inbox.duplicates");
    }

    public async ValueTask DisposeAsync()
    {
        _metrics?.Dispose();
        await _scenario.DisposeAsync();
    }

    [Fact]
    public async Task Should_treat_a_redelivery_of_a_message_handled_before_as_a_duplicate()
    {
        var ct = TestContext.Current.CancellationToken;
        var order = await _scenario.CreateOrderAsync(4200, "EUR");
        var succeeded = Infrastructure.PaymentEvents.For(order.Id, PaymentEventKind.Succeeded, 4200, "EUR", order.Payment!.PaymentId);

        await _scenario.Bus.PublishAsync(succeeded, messageId: _handledBefore);

        await Eventually.TrueAsync(() => Handled() + Duplicates() >= 1,
            TimeSpan.FromSeconds(30), "the redelivery to be handled or recognised as a duplicate", ct);
        Duplicates().ShouldBe(1, "the inbox remembers the message it recorded under the handler's class name");
        Handled().ShouldBe(0);
        var after = await _scenario.GetOrderAsync(order.Id);
        after.Status.ShouldNotBe("paid");
        after.History.ShouldBeEmpty();
    }

    [Fact]
    public async Task Should_leave_no_row_under_a_class_name_it_could_carry_and_change_nothing_when_run_again()
    {
        (await ConsumersOfAsync(_handledBefore)).ShouldBe(["payment-events"]);
        // The copy under the new name is the one that counts; the old one is left to the inbox's retention.
        (await ConsumersOfAsync(_recordedTwice)).ShouldBe(["PaymentEventHandler", "payment-events"]);
        (await _scenario.App.ScalarAsync<long>("SELECT count(*) FROM public.schema_migrations WHERE id = $1", Migration)).ShouldBe(1);

        var script = _scenario.App.Services.GetServices<SchemaScripts>().SelectMany(s => s.Scripts).Single(s => s.Id == Migration);
        await ExecuteAsync(script.Sql);

        (await ConsumersOfAsync(_handledBefore)).ShouldBe(["payment-events"]);
        (await ConsumersOfAsync(_recordedTwice)).ShouldBe(["PaymentEventHandler", "payment-events"]);
    }

    private long Handled() => _metrics.Tagged("payments.inbox.handled", "consumer=payment-events");

    private long Duplicates() => _metrics.Tagged("payments.inbox.duplicates", "consumer=payment-events");

    private async Task<List<string>> ConsumersOfAsync(Guid messageId)
    {
        await using var dataSource = NpgsqlDataSource.Create(_scenario.Database);
        await using var command = dataSource.CreateCommand("SELECT consumer FROM messaging.inbox WHERE message_id = $1 ORDER BY consumer COLLATE \"C\"");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = messageId });
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var consumers = new List<string>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            consumers.Add(reader.GetString(0));
        }

        return consumers;
    }

    private async Task ExecuteAsync(string sql, params Guid[] parameters)
    {
        await using var dataSource = NpgsqlDataSource.Create(_scenario.Database);
        await using var command = dataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = parameter });
        }

        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }
}
