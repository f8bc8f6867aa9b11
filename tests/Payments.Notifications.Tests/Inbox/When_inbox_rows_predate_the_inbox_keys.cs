using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Payments.Notifications.Tests.Infrastructure;
using Payments.Testing;
using Payments.Testing.Postgres;

namespace Payments.Notifications.Tests.Inbox;

/// <summary>
/// A database written by the release that keyed the inbox by handler class name: notifications.004_inbox_keys carries
/// its rows over to the declared inbox key when the service starts, so an event it remembers sends no second email.
/// </summary>
[Collection(NotificationsCollection.Name)]
public sealed class When_inbox_rows_predate_the_inbox_keys(Infrastructure.Infrastructure infrastructure) : IAsyncLifetime
{
    private readonly Guid _handledBefore = Guid.CreateVersion7();
    private NotificationsScenario _scenario = null!;
    private MetricTotals _metrics = null!;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        var database = await infrastructure.Postgres.CreateDatabaseAsync("notifications", ct);
        await EarlierSchema.MigrateUpToAsync(database, typeof(NotificationsExtensions).Assembly, "notifications.004_inbox_keys", ct);
        await using (var dataSource = NpgsqlDataSource.Create(database))
        await using (var insert = dataSource.CreateCommand("INSERT INTO messaging.inbox (consumer, message_id) VALUES ('OrderEventsHandler', $1)"))
        {
            insert.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = _handledBefore });
            await insert.ExecuteNonQueryAsync(ct);
        }

        _scenario = await NotificationsScenario.CreateAsync(infrastructure, new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = database });
        _metrics = new MetricTotals(_scenario.App.Services.GetRequiredService<IMeterFactory>(), "payments.inbox.handled", "payments.inbox.duplicates");
    }

    public async ValueTask DisposeAsync()
    {
        _metrics?.Dispose();
        await _scenario.DisposeAsync();
    }

    [Fact]
    public async Task Should_treat_a_redelivery_of_an_event_handled_before_as_a_duplicate()
    {
        var ct = TestContext.Current.CancellationToken;
        var paid = SampleEvents.Paid();

        await _scenario.PublishAsync(paid, _handledBefore);

        await Eventually.TrueAsync(() => _metrics["payments.inbox.handled"] + _metrics["payments.inbox.duplicates"] >= 1,
            TimeSpan.FromSeconds(20), "the redelivery to be handled or recognised as a duplicate", ct);
        _metrics.Tagged("payments.inbox.duplicates", "consumer=order-events").ShouldBe(1, "the inbox remembers the event it recorded under the handler's class name");
        _metrics["payments.inbox.handled"].ShouldBe(0);
        (await _scenario.NotificationsAsync(paid.OrderId)).ShouldBeEmpty();
        await Task.Delay(TimeSpan.FromSeconds(1), ct); // a hand-off would have been sent by now
        (await _scenario.EmailsToAsync(paid.CustomerEmail)).ShouldBeEmpty();
    }
}
