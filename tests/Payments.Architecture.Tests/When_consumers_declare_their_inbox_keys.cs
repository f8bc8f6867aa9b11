using System.Text.RegularExpressions;
using Payments.Contracts;
using Payments.Messaging.Inbox;

namespace Payments.Architecture.Tests;

/// <summary>
/// The inbox remembers what a consumer applied under its declared key, not under a class name: a renamed handler keeps
/// its history, and two handlers never share one dedup space.
/// </summary>
public sealed partial class When_consumers_declare_their_inbox_keys
{
    public static TheoryData<string> Services => [.. ConsumingServices.Names];

    [Theory]
    [MemberData(nameof(Services))]
    public void Should_give_each_handler_one_key_no_other_handler_has(string service)
    {
        var keys = KeysOf(service);

        keys.ShouldNotBeEmpty($"{service} consumes messages through the inbox");
        keys.GroupBy(k => k.Value).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(k => k.Handler.Name))}")
            .ShouldBeEmpty($"each inbox key of {service} belongs to one handler");
        keys.GroupBy(k => k.Handler).Where(g => g.Count() > 1).Select(g => $"{g.Key.Name}: {string.Join(", ", g.Select(k => k.Value))}")
            .ShouldBeEmpty($"each handler of {service} has one inbox key");
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Should_name_no_class(string service)
    {
        var classNames = new[] { ConsumingServices.AssemblyOf(service), typeof(InboxKey).Assembly, typeof(OrderPaid).Assembly }
            .SelectMany(a => a.GetTypes()).Select(t => t.Name.Split('`')[0]).ToHashSet(StringComparer.OrdinalIgnoreCase);

        foreach (var key in KeysOf(service))
        {
            classNames.ShouldNotContain(key.Value, $"{key.Handler.Name}'s inbox key must not be derived from a class name");
            KebabCase().IsMatch(key.Value).ShouldBeTrue($"{key.Handler.Name}'s inbox key \"{key.Value}\" is short kebab-case");
        }
    }

    private static List<InboxKey> KeysOf(string service) =>
        [.. ConsumingServices.RegistrationsOf(service).Where(d => !d.IsKeyedService).Select(d => d.ImplementationInstance).OfType<InboxKey>()];

    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();
}
