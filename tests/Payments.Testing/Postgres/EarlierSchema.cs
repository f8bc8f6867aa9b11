using System.Reflection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Payments.Messaging.Schema;

namespace Payments.Testing.Postgres;

/// <summary>
/// A service's database as an earlier release left it: the messaging scripts and the service's own, migrated up to (not
/// including) one script of the service, which the service applies when it starts. For tests of what that script carries
/// over: put rows in as the earlier release wrote them, then start the service.
/// </summary>
public static class EarlierSchema
{
    public static async Task MigrateUpToAsync(string database, Assembly service, string script, CancellationToken cancellationToken)
    {
        var own = SchemaScripts.From(service);
        if (own.Scripts.All(s => s.Id != script))
        {
            throw new ArgumentException($"{service.GetName().Name} has no schema script {script}.", nameof(script));
        }

        // Scripts are applied in order within their area (messaging's, then the service's): stop before this one.
        var area = script[..(script.IndexOf('.', StringComparison.Ordinal) + 1)];
        var sources = new[] { SchemaScripts.From(typeof(SchemaMigrator).Assembly), own }
            .Select(source => new SchemaScripts([.. source.Scripts.Where(s => !s.Id.StartsWith(area, StringComparison.Ordinal) || string.CompareOrdinal(s.Id, script) < 0)]))
            .ToList();
        await using var dataSource = NpgsqlDataSource.Create(database);
        await new SchemaMigrator(dataSource, sources, NullLogger<SchemaMigrator>.Instance).MigrateAsync(cancellationToken);
    }
}
