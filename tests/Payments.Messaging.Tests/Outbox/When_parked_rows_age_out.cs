using Npgsql;
using Payments.Messaging.Tests.Infrastructure;
using Payments.Testing;
using Payments.Testing.Messaging;

namespace Payments.Messaging.Tests.Outbox;

/// <summary>A parked outbox row holds the whole message (an address, for some types); after Messaging:Outbox:ParkedRetention it goes.</summary>
[Collection(MessagingCollection.Name)]
public sealed class When_parked_rows_age_out(MessagingServers servers) : IAsyncLifetime
{
    private MessagingScenario _scenario = null!;

    // The cleanup runs every 200 ms here (hourly by default); the retention is the default 30 days.
    public async ValueTask InitializeAsync() => _scenario = await MessagingScenario.CreateAsync(servers, new Dictionary<string, string?>
    {
        ["Messaging:Outbox:CleanupInterval"] = "00:00:00.200",
    });

    public async ValueTask DisposeAsync() => await _scenario.DisposeAsync();

    [Fact]
    public async Task Should_delete_the_ones_parked_longer_than_the_retention_and_keep_the_newer()
    {
        var ct = TestContext.Current.CancellationToken;
        var (old, recent) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        await using var dataSource = NpgsqlDataSource.Create(_scenario.Database);
        await using (var insert = dataSource.CreateCommand(
            """
            INSERT INTO messaging.outbox_parked (id, message_type, destination, body, headers, mandatory, created_at, attempts, last_error, parked_at)
            SELECT id, 'urn:message:Payments.Contracts:OrderPaid', 'Payments.Contracts:OrderPaid',
                   '{"customerEmail":"customer@example.com"}', '{}', false, now() - make_interval(days => age), 10, 'unroutable', now() - make_interval(days => age)
            FROM unnest($1::uuid[], $2::int[]) AS r(id, age)
            """))
        {
            insert.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = [old, recent] });
            insert.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = [31, 29] });
            await insert.ExecuteNonQueryAsync(ct);
        }

        await Eventually.TrueAsync(async () => !await ParkedAsync(dataSource, old), TimeSpan.FromSeconds(20),
            "the cleanup to delete a row parked 31 days ago", ct);
        (await ParkedAsync(dataSource, recent)).ShouldBeTrue("parked 29 days ago: within the retention; both were written in one statement");
    }

    private static async Task<bool> ParkedAsync(NpgsqlDataSource dataSource, Guid id)
    {
        await using var command = dataSource.CreateCommand("SELECT EXISTS (SELECT 1 FROM messaging.outbox_parked WHERE id = $1)");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        return (bool)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }
}
