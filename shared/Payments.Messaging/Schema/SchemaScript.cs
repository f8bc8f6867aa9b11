using System.Reflection;

namespace Payments.Messaging.Schema;

/// <summary>
/// A versioned SQL script kept with the code as an embedded resource named "schema/{area}.{version}_{name}.sql".
/// Applied once per database, in <see cref="Id"/> order within its area.
/// </summary>
public sealed record SchemaScript(string Id, string Sql)
{
    /// <summary>The assembly's scripts, in version order.</summary>
    public static IReadOnlyList<SchemaScript> FromAssembly(Assembly assembly)
    {
        var scripts = new List<SchemaScript>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("schema/", StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            scripts.Add(new SchemaScript(name["schema/".Length..^".sql".Length], reader.ReadToEnd()));
        }

        return [.. scripts.OrderBy(s => s.Id, StringComparer.Ordinal)];
    }
}
