using System.Data.Common;
using Npgsql;

namespace Payments.Messaging.Postgres;

/// <summary>
/// The pool settings a service's connection string gets unless it sets them itself: statements prepared once per
/// connection (`Max Auto Prepare`), and no reset of a connection returned to the pool (`No Reset On Close`).
/// </summary>
internal static class PoolSettings
{
    public static string Apply(string configured)
    {
        // NpgsqlConnectionStringBuilder.ContainsKey answers for every keyword it knows, set or not: whether the
        // operator set one is read from the string as written.
        var written = new DbConnectionStringBuilder { ConnectionString = configured };
        bool Unset(params string[] spellings) => !spellings.Any(written.ContainsKey);
        var connectionString = new NpgsqlConnectionStringBuilder(configured);
        if (Unset("Max Auto Prepare", "MaxAutoPrepare"))
        {
            connectionString.MaxAutoPrepare = 64; // every statement here is a fixed text: prepare them once per connection
        }

        if (Unset("No Reset On Close", "NoResetOnClose"))
        {
            // Nothing here leaves session state behind (SET LOCAL only, the migrator releases its advisory lock, the
            // relay unlistens before its LISTEN connection goes back), so a pooled connection needs no reset: the reset
            // is seven statements run ahead of the next command on every open, several opens per message.
            connectionString.NoResetOnClose = true;
        }

        return connectionString.ConnectionString;
    }
}
