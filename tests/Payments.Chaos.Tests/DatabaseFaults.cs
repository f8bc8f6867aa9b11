using Payments.Testing.Postgres;

namespace Payments.Chaos.Tests;

/// <summary>Faults of the PostgreSQL server every consumer stores in.</summary>
public static class DatabaseFaults
{
    /// <summary>kill -9 of the postmaster (docker kill: no shutdown, no checkpoint); crash recovery replays the WAL on start.</summary>
    public static ChaosStep KillAndRestart(PostgresFixture postgres, CancellationToken ct) =>
        new("kill -9 PostgreSQL, start it again 3 s later", async () =>
        {
            await postgres.KillAsync(ct);
            await Task.Delay(TimeSpan.FromSeconds(3), ct);
            await postgres.StartAsync(ct);
            return "recovered and accepting connections";
        });
}
