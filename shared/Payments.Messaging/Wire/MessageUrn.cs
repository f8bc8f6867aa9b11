namespace Payments.Messaging.Wire;

/// <summary>
/// MassTransit's names for a message type, so raw publishes land where MassTransit consumers look:
/// the exchange is "{namespace}:{type}" and the envelope names the type "urn:message:{namespace}:{type}".
/// </summary>
public static class MessageUrn
{
    public static string ExchangeFor(Type type) => $"{type.Namespace}:{type.Name}";

    public static string For(Type type) => $"urn:message:{ExchangeFor(type)}";

    /// <summary>The exchange named by a "urn:message:..." type.</summary>
    public static string ExchangeFor(string urn) => urn.StartsWith("urn:message:", StringComparison.Ordinal) ? urn[12..] : urn;
}
