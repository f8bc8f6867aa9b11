using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using Payments.Messaging.Postgres;

namespace Payments.Messaging.Inbox;

/// <summary>Forgets inbox rows older than the retention window, in small chunks so it never holds long locks.</summary>
internal sealed class InboxCleanup(NpgsqlDataSource dataSource, DatabaseReadiness readiness, IOptions<InboxOptions> options) : BackgroundService
{
    public static async Task<int> DeleteExpiredAsync(NpgsqlDataSource dataSource, TimeSpan retention, CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            await using var command = dataSource.CreateCommand(
                """
                DELETE FROM messaging.inbox WHERE ctid IN (
                    SELECT ctid FROM messaging.inbox WHERE received_at < now() - $1 LIMIT 5000)
                """);
            command.Parameters.Add(new NpgsqlParameter<TimeSpan> { TypedValue = retention });
            var deleted = await command.ExecuteNonQueryAsync(cancellationToken);
            total += deleted;
            if (deleted < 5000)
            {
                return total;
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await readiness.WaitAsync(stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        using var timer = new PeriodicTimer(options.Value.CleanupInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken).AsTask().ContinueWith(t => t.IsCompletedSuccessfully && t.Result, TaskScheduler.Default))
        {
            try
            {
                await DeleteExpiredAsync(dataSource, options.Value.Retention, stoppingToken);
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
            {
                // Next tick.
            }
        }
    }
}
