using Npgsql;
using Payments.Operations.Tests.Infrastructure;
using Payments.Testing;

namespace Payments.Operations.Tests.DeadLetters;

/// <summary>
/// Every dead letter holds a whole message, the customer's address included: replayed and discarded rows go
/// Operations:DeadLetters:Retention (30 days) after the action, rows still dead DeadRetention (90 days) after
/// Operations read them. Rows are seeded with their timestamps in the past; the service's own cleanup deletes them.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class When_dead_letters_age_out(Servers servers) : IAsyncLifetime
{
    private OperationsApp _app = null!;

    // The cleanup runs every 200 ms here (every hour by default), with the default retentions.
    public async ValueTask InitializeAsync() => (_app, _) = await OperationsApp.StartAsync(servers.Broker, servers.Postgres,
        new Dictionary<string, string?> { ["Operations:DeadLetters:CleanupInterval"] = "00:00:00.200" });

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Should_delete_each_state_past_its_retention_and_keep_the_rest()
    {
        var rows = new (Row Row, bool Kept, string Why)[]
        {
            (new(ReceivedDaysAgo: 40, "replayed", ActedDaysAgo: 31), false, "replayed 31 days ago"),
            (new(ReceivedDaysAgo: 40, "replayed", ActedDaysAgo: 29), true, "replayed 29 days ago: inside the retention"),
            (new(ReceivedDaysAgo: 200, "replayed", ActedDaysAgo: 1), true, "replayed again yesterday: the retention counts from the last replay"),
            (new(ReceivedDaysAgo: 40, "discarded", ActedDaysAgo: 31), false, "discarded 31 days ago"),
            (new(ReceivedDaysAgo: 40, "discarded", ActedDaysAgo: 29), true, "discarded 29 days ago: inside the retention"),
            (new(ReceivedDaysAgo: 91, "dead"), false, "dead for 91 days: nobody acted on it within DeadRetention"),
            (new(ReceivedDaysAgo: 89, "dead"), true, "dead for 89 days: inside DeadRetention"),
            (new(ReceivedDaysAgo: 31, "dead"), true, "dead for 31 days: Retention is for rows acted on, not for dead ones"),
        };
        var ids = await SeedAsync([.. rows.Select(r => r.Row)]);

        var gone = ids.Where((_, i) => !rows[i].Kept).ToArray();
        await Eventually.TrueAsync(async () => (await ExistingAsync(gone)).Count == 0,
            because: "the cleanup to delete the replayed, discarded and dead letters past their retentions (personal data kept for nothing)",
            cancellationToken: TestContext.Current.CancellationToken);

        // All were seeded in one statement and one cleanup run takes every state: what it deletes, it deleted in that run.
        var existing = await ExistingAsync(ids);
        for (var i = 0; i < rows.Length; i++)
        {
            existing.Contains(ids[i]).ShouldBe(rows[i].Kept, rows[i].Why);
        }
    }

    private sealed record Row(int ReceivedDaysAgo, string State, int? ActedDaysAgo = null);

    /// <summary>Inserts the rows as the reader would, with their state and timestamps in the past, in one statement; returns their ids.</summary>
    private async Task<long[]> SeedAsync(Row[] rows)
    {
        await using var dataSource = NpgsqlDataSource.Create(_app.Postgres);
        await using var command = dataSource.CreateCommand(
            """
            INSERT INTO deadletters.messages (queue, dedup_key, message_id, message_type, headers, properties, body, reason, failed_at,
                order_id, received_at, state, replayed_at, replay_count, discarded_at, discarded_by, discard_reason)
            SELECT 'orders-payment-events_error', gen_random_uuid()::text, gen_random_uuid()::text, 'PaymentEventReceived', '{}', '{}',
                convert_to('{"customerEmail":"someone@example.com"}', 'UTF8'), 'fault', now() - make_interval(days => r.received),
                gen_random_uuid()::text, now() - make_interval(days => r.received), r.state,
                CASE WHEN r.state = 'replayed' THEN now() - make_interval(days => r.acted) END, CASE WHEN r.state = 'replayed' THEN 1 ELSE 0 END,
                CASE WHEN r.state = 'discarded' THEN now() - make_interval(days => r.acted) END,
                CASE WHEN r.state = 'discarded' THEN 'test-operator' END, CASE WHEN r.state = 'discarded' THEN 'test' END
            FROM unnest($1::text[], $2::int[], $3::int[]) WITH ORDINALITY AS r(state, received, acted, n)
            ORDER BY r.n
            RETURNING id
            """);
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. rows.Select(r => r.State)] });
        command.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = [.. rows.Select(r => r.ReceivedDaysAgo)] });
        command.Parameters.Add(new NpgsqlParameter<int?[]> { TypedValue = [.. rows.Select(r => r.ActedDaysAgo)] });
        var ids = new List<long>();
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            ids.Add(reader.GetInt64(0));
        }

        return [.. ids.Order()];
    }

    private async Task<HashSet<long>> ExistingAsync(long[] ids)
    {
        await using var dataSource = NpgsqlDataSource.Create(_app.Postgres);
        await using var command = dataSource.CreateCommand("SELECT id FROM deadletters.messages WHERE id = ANY($1)");
        command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = ids });
        var found = new HashSet<long>();
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            found.Add(reader.GetInt64(0));
        }

        return found;
    }
}
