using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;

namespace Payments.Messaging.Inbox;

/// <summary>Registers a handler's <see cref="InboxKey{THandler}"/>, refusing a key that is not kebab-case or belongs to another handler.</summary>
internal static partial class InboxKeys
{
    public static void Add<THandler>(IServiceCollection services, string key) where THandler : class
    {
        if (!KebabCase().IsMatch(key))
        {
            throw new ArgumentException($"The inbox key \"{key}\" of {typeof(THandler).Name} must be short kebab-case, e.g. \"payment-events\".", nameof(key));
        }

        // Keyed registrations hold no instance (and refuse to be asked for one).
        var registered = services.Where(d => !d.IsKeyedService).Select(d => d.ImplementationInstance).OfType<InboxKey>().ToList();
        if (registered.FirstOrDefault(k => k.Handler == typeof(THandler)) is { } own)
        {
            if (own.Value != key)
            {
                throw new InvalidOperationException(
                    $"{typeof(THandler).Name} is registered with the inbox keys \"{own.Value}\" and \"{key}\": a handler keeps one key for all its message types.");
            }

            return;
        }

        if (registered.FirstOrDefault(k => k.Value == key) is { } taken)
        {
            throw new InvalidOperationException($"The inbox key \"{key}\" of {typeof(THandler).Name} is already {taken.Handler.Name}'s: each handler needs its own.");
        }

        services.AddSingleton(new InboxKey<THandler>(key));
    }

    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();
}
