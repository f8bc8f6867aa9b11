using Payments.Testing.Postgres;

namespace Payments.Testing.Load;

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

    /// <summary>kill -9 of the primary, then the standby promoted: the services' multi-host connection strings find it by themselves.</summary>
    public static ChaosStep KillPrimaryAndPromote(PostgresReplicationFixture replicas, CancellationToken ct) =>
        new("kill -9 the PostgreSQL primary, promote the standby", async () =>
        {
            await replicas.KillPrimaryAsync(ct);
            await replicas.PromoteStandbyAsync(ct);
            return "standby promoted; it is the primary now";
        });
}
