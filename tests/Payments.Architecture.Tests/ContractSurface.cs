using System.Reflection;
using Payments.Contracts;

namespace Payments.Architecture.Tests;

/// <summary>The public shape of the contracts, one line per member: "Type.Member: MemberType".</summary>
internal static class ContractSurface
{
    public static SortedSet<string> Current()
    {
        var lines = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var type in typeof(PaymentEventReceived).Assembly.GetExportedTypes())
        {
            if (type.IsEnum)
            {
                foreach (var name in Enum.GetNames(type))
                {
                    lines.Add($"{type.Name}.{name}: enum value");
                }

                continue;
            }

            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.Name != "EqualityContract"))
            {
                lines.Add($"{type.Name}.{property.Name}: {Describe(property.PropertyType)}");
            }
        }

        return lines;
    }

    private static string Describe(Type type) =>
        Nullable.GetUnderlyingType(type) is { } inner ? Describe(inner) + "?" : type.Name;
}
