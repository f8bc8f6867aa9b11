using Npgsql;
using Payments.Notifications.Notifications;
using Payments.Notifications.Templates;
using Payments.Notifications.Tests.Infrastructure;

namespace Payments.Notifications.Tests.Retention;

/// <summary>
/// A sent notification keeps the customer's address and the email's text; after Notifications:Retention it goes.
/// Parked and pending ones stay whatever their age: someone still owes that email.
/// </summary>
[Collection(NotificationsCollection.Name)]
public sealed class When_sent_notifications_age_out(Infrastructure.Infrastructure infrastructure) : IAsyncLifetime
{
    private static readonly TimeSpan Retention = TimeSpan.FromDays(90);

    private NotificationsScenario _scenario = null!;

    public async ValueTask InitializeAsync() => _scenario = await NotificationsScenario.CreateAsync(infrastructure);

    public async ValueTask DisposeAsync() => await _scenario.DisposeAsync();

    [Fact]
    public async Task Should_delete_only_the_sent_ones_older_than_the_retention()
    {
        var ct = TestContext.Current.CancellationToken;
        var oldSent = await RecordAsync(ageDays: 100, state: "sent", sentDaysAgo: 100);
        var resentLately = await RecordAsync(ageDays: 100, state: "sent", sentDaysAgo: 1);
        var recentSent = await RecordAsync(ageDays: 10, state: "sent", sentDaysAgo: 10);
        var oldParked = await RecordAsync(ageDays: 100, state: "parked", sentDaysAgo: null);
        var oldPending = await RecordAsync(ageDays: 100, state: "pending", sentDaysAgo: null);

        await using var dataSource = NpgsqlDataSource.Create(_scenario.Database);
        var deleted = await NotificationsCleanup.DeleteExpiredAsync(dataSource, Retention, ct);

        deleted.ShouldBe(1);
        (await _scenario.NotificationsAsync(oldSent)).ShouldBeEmpty("a sent notification past the retention holds personal data for nothing");
        (await _scenario.NotificationsAsync(resentLately)).Count.ShouldBe(1, "re-sent a day ago: its retention counts from that send");
        (await _scenario.NotificationsAsync(recentSent)).Count.ShouldBe(1);
        (await _scenario.NotificationsAsync(oldParked)).Count.ShouldBe(1, "a parked email is still owed: an operator may re-send it");
        (await _scenario.NotificationsAsync(oldPending)).Count.ShouldBe(1, "a pending email is still owed");
    }

    /// <summary>A notification recorded <paramref name="ageDays"/> ago, in <paramref name="state"/>; returns its order id.</summary>
    private async Task<Guid> RecordAsync(int ageDays, string state, int? sentDaysAgo)
    {
        var paid = SampleEvents.Paid();
        var id = NotificationIds.For(Guid.CreateVersion7(), NotificationKind.Paid);
        var draft = new NotificationDraft(id, Guid.CreateVersion7(), paid.OrderId, NotificationKind.Paid, paid.CustomerEmail,
            NotificationIds.MessageId(id, "payments.test"), PaidEmail.Render(paid), Unsendable: null, TraceParent: null, TraceState: null);
        // Leased for an hour: the running instance's sender leaves it alone while the test shapes it.
        await _scenario.ExecuteAsync(NotificationRows.Insert(draft, TimeSpan.FromHours(1)));
        await _scenario.ExecuteAsync(new NpgsqlBatchCommand(
            """
            UPDATE notifications.notifications SET state = $2, created_at = now() - make_interval(days => $3),
                sent_at = now() - make_interval(days => $4), parked_at = CASE WHEN $2 = 'parked' THEN now() END
            WHERE id = $1
            """)
        {
            Parameters =
            {
                new NpgsqlParameter<Guid> { TypedValue = id },
                new NpgsqlParameter<string> { TypedValue = state },
                new NpgsqlParameter<int> { TypedValue = ageDays },
                new NpgsqlParameter { Value = (object?)sentDaysAgo ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Integer },
            },
        });
        return paid.OrderId;
    }
}
