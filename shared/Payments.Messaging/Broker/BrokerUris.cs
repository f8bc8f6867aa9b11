namespace Payments.Messaging.Broker;

internal static class BrokerUris
{
    /// <summary>The user an amqp:// URI logs in as (guest when it names none, as RabbitMQ's clients default), never its password.</summary>
    public static string UserName(this Uri broker)
    {
        var user = broker.UserInfo.Split(':', 2)[0];
        return user.Length == 0 ? "guest" : Uri.UnescapeDataString(user);
    }
}
