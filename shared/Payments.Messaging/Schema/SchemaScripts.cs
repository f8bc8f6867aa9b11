using System.Reflection;

namespace Payments.Messaging.Schema;

/// <summary>A registered set of scripts (messaging's own, then each service's), applied in registration order.</summary>
public sealed record SchemaScripts(IReadOnlyList<SchemaScript> Scripts)
{
    public static SchemaScripts From(Assembly assembly) => new(SchemaScript.FromAssembly(assembly));
}
