using Npgsql;
using Payments.Notifications.Ledger;
using Payments.Notifications.Templates;
using Payments.Notifications.Tests.Infrastructure;
using Payments.Testing;

namespace Payments.Notifications.Tests.Retention;

/// <summary>
/// Every notification keeps the customer's address and the email's text: each state goes after its own retention
/// (sent: Notifications:Retention, parked: ParkedRetention, pending: PendingRetention).
/// </summary>
[Collection(NotificationsCollection.Name)]
public sealed class When_notifications_age_out(Infrastructure.Infrastructure infrastructure) : IAsyncLifetime
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
    public async Task Should_delete_each_state_past_its_own_retention_and_keep_the_rest()
    {
        // Default retentions: sent 90 days after the send, parked 30 days after parking, pending 7 days after recording or re-send.
        var rows = new[]
        {
            new Row(AgeDays: 100, "sent", SentDaysAgo: 100), // past the retention
            new Row(AgeDays: 100, "sent", SentDaysAgo: 1), // re-sent a day ago
            new Row(AgeDays: 10, "sent", SentDaysAgo: 10),
            new Row(AgeDays: 100, "parked", ParkedDaysAgo: 31), // an operator had 30 days
            new Row(AgeDays: 100, "parked", ParkedDaysAgo: 29),
            new Row(AgeDays: 8, "pending"), // a week late: worth nothing now
            new Row(AgeDays: 100, "pending", ResentDaysAgo: 1), // an operator re-sent it yesterday
            new Row(AgeDays: 6, "pending"),
        };
        var orders = await RecordAsync(rows);
        var gone = new[] { orders[0], orders[3], orders[5] };
        var kept = new[] { orders[1], orders[2], orders[4], orders[6], orders[7] };

        await Eventually.TrueAsync(async () =>
            {
                foreach (var order in gone)
                {
                    if ((await _scenario.NotificationsAsync(order)).Count != 0)
                    {
                        return false;
                    }
                }

                return true;
            },
            because: "the cleanup to delete the sent, parked and pending notifications past their retentions (personal data kept for nothing)",
            cancellationToken: TestContext.Current.CancellationToken);

        // All became what they are in one transaction, and one cleanup run takes every state: what it deletes, it deleted in that run.
        foreach (var (order, why) in kept.Zip(new[]
                 {
                     "re-sent a day ago: its retention counts from that send", "sent 10 days ago", "parked 29 days ago",
                     "re-sent a day ago: pending counts from the re-send", "pending for 6 days",
                 }))
        {
            (await _scenario.NotificationsAsync(order)).Count.ShouldBe(1, why);
        }
    }

    [Fact]
    public async Task Should_forget_inbox_entries_older_than_the_inbox_retention()
    {
        // The inbox's cleanup runs on the same periodic job; its retention is 30 days by default.
        var (old, recent) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        await _scenario.ExecuteAsync(new NpgsqlBatchCommand(
            """
            INSERT INTO messaging.inbox (consumer, message_id, received_at)
            VALUES ('When_notifications_age_out', $1, now() - interval '31 days'), ('When_notifications_age_out', $2, now() - interval '29 days')
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

    private sealed record Row(int AgeDays, string State, int? SentDaysAgo = null, int? ParkedDaysAgo = null, int? ResentDaysAgo = null);

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
                sent_at = now() - make_interval(days => r.sent), parked_at = now() - make_interval(days => r.parked),
                resent_at = now() - make_interval(days => r.resent)
            FROM unnest($1::uuid[], $2::text[], $3::int[], $4::int[], $5::int[], $6::int[]) AS r(id, state, age, sent, parked, resent)
            WHERE n.id = r.id
            """)
        {
            Parameters =
            {
                new NpgsqlParameter<Guid[]> { TypedValue = ids },
                new NpgsqlParameter<string[]> { TypedValue = [.. rows.Select(r => r.State)] },
                new NpgsqlParameter<int[]> { TypedValue = [.. rows.Select(r => r.AgeDays)] },
                new NpgsqlParameter<int?[]> { TypedValue = [.. rows.Select(r => r.SentDaysAgo)] },
                new NpgsqlParameter<int?[]> { TypedValue = [.. rows.Select(r => r.ParkedDaysAgo)] },
                new NpgsqlParameter<int?[]> { TypedValue = [.. rows.Select(r => r.ResentDaysAgo)] },
            },
        });
        return orders;
    }
}
