using Npgsql;
using Payments.Notifications.Notifications;
using Payments.Notifications.Templates;
using Payments.Notifications.Tests.Infrastructure;
using Payments.Testing;

namespace Payments.Notifications.Tests.Retention;

/// <summary>
/// A sent notification keeps the customer's address and the email's text; after Notifications:Retention it goes.
/// Parked and pending ones stay whatever their age: someone still owes that email.
/// </summary>
[Collection(NotificationsCollection.Name)]
public sealed class When_sent_notifications_age_out(Infrastructure.Infrastructure infrastructure) : IAsyncLifetime
{
    private NotificationsScenario _scenario = null!;

    // The service's own cleanups run every 200 ms here (every hour by default), with the default retentions.
    public async ValueTask InitializeAsync() => _scenario = await NotificationsScenario.CreateAsync(infrastructure,
        new Dictionary<string, string?>
        {
            ["Notifications:CleanupInterval"] = "00:00:00.200",
            ["Messaging:Inbox:CleanupInterval"] = "00:00:00.200",
        });

    public async ValueTask DisposeAsync() => await _scenario.DisposeAsync();

    [Fact]
    public async Task Should_delete_only_the_sent_ones_older_than_the_retention()
    {
        var rows = new[]
        {
            new Row(AgeDays: 100, "sent", SentDaysAgo: 100), // past the retention
            new Row(AgeDays: 100, "sent", SentDaysAgo: 1), // re-sent a day ago
            new Row(AgeDays: 10, "sent", SentDaysAgo: 10),
            new Row(AgeDays: 100, "parked", SentDaysAgo: null),
            new Row(AgeDays: 100, "pending", SentDaysAgo: null),
        };
        var orders = await RecordAsync(rows);
        var (oldSent, resentLately, recentSent, oldParked, oldPending) = (orders[0], orders[1], orders[2], orders[3], orders[4]);

        await Eventually.TrueAsync(async () => (await _scenario.NotificationsAsync(oldSent)).Count == 0,
            because: "the cleanup to delete a sent notification past the retention (personal data kept for nothing)",
            cancellationToken: TestContext.Current.CancellationToken);

        // All five became what they are in one transaction: whatever the cleanup deletes, it deletes in the run that took that one.
        (await _scenario.NotificationsAsync(resentLately)).Count.ShouldBe(1, "re-sent a day ago: its retention counts from that send");
        (await _scenario.NotificationsAsync(recentSent)).Count.ShouldBe(1);
        (await _scenario.NotificationsAsync(oldParked)).Count.ShouldBe(1, "a parked email is still owed: an operator may re-send it");
        (await _scenario.NotificationsAsync(oldPending)).Count.ShouldBe(1, "a pending email is still owed");
    }

    [Fact]
    public async Task Should_forget_inbox_entries_older_than_the_inbox_retention()
    {
        // The inbox's cleanup runs on the same periodic job; its retention is 30 days by default.
        var (old, recent) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        await _scenario.ExecuteAsync(new NpgsqlBatchCommand(
            """
            INSERT INTO messaging.inbox (consumer, message_id, received_at)
            VALUES ('When_sent_notifications_age_out', $1, now() - interval '31 days'), ('When_sent_notifications_age_out', $2, now() - interval '29 days')
            """)
        {
            Parameters = { new NpgsqlParameter<Guid> { TypedValue = old }, new NpgsqlParameter<Guid> { TypedValue = recent } },
        });

        await Eventually.TrueAsync(async () => !(await InboxHoldsAsync(old)), because: "the inbox cleanup to forget a 31-day-old entry",
            cancellationToken: TestContext.Current.CancellationToken);
        (await InboxHoldsAsync(recent)).ShouldBeTrue("29 days is within the inbox's retention; both were written in one statement");
    }

    private async Task<bool> InboxHoldsAsync(Guid messageId)
    {
        await using var dataSource = NpgsqlDataSource.Create(_scenario.Database);
        await using var command = dataSource.CreateCommand("SELECT EXISTS (SELECT 1 FROM messaging.inbox WHERE message_id = $1)");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = messageId });
        return (bool)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    private sealed record Row(int AgeDays, string State, int? SentDaysAgo);

    /// <summary>Records one notification per row, then ages them all in one statement; returns their order ids.</summary>
    private async Task<Guid[]> RecordAsync(Row[] rows)
    {
        var ids = new Guid[rows.Length];
        var orders = new Guid[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            var paid = SampleEvents.Paid();
            ids[i] = NotificationIds.For(Guid.CreateVersion7(), NotificationKind.Paid);
            orders[i] = paid.OrderId;
            var draft = new NotificationDraft(ids[i], Guid.CreateVersion7(), paid.OrderId, NotificationKind.Paid, paid.CustomerEmail,
                NotificationIds.MessageId(ids[i], "payments.test"), PaidEmail.Render(paid), Unsendable: null, TraceParent: null, TraceState: null);
            // Leased for an hour: the running instance's sender leaves it alone; recorded now, no cleanup wants it yet.
            await _scenario.ExecuteAsync(NotificationRows.Insert(draft, TimeSpan.FromHours(1)));
        }

        await _scenario.ExecuteAsync(new NpgsqlBatchCommand(
            """
            UPDATE notifications.notifications n SET state = r.state, created_at = now() - make_interval(days => r.age),
                sent_at = now() - make_interval(days => r.sent), parked_at = CASE WHEN r.state = 'parked' THEN now() END
            FROM unnest($1::uuid[], $2::text[], $3::int[], $4::int[]) AS r(id, state, age, sent)
            WHERE n.id = r.id
            """)
        {
            Parameters =
            {
                new NpgsqlParameter<Guid[]> { TypedValue = ids },
                new NpgsqlParameter<string[]> { TypedValue = [.. rows.Select(r => r.State)] },
                new NpgsqlParameter<int[]> { TypedValue = [.. rows.Select(r => r.AgeDays)] },
                new NpgsqlParameter<int?[]> { TypedValue = [.. rows.Select(r => r.SentDaysAgo)] },
            },
        });
        return orders;
    }
}
