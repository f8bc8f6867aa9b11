using Microsoft.Extensions.Configuration;

namespace Payments.ServiceDefaults.Configuration;

/// <summary>Start-up validation that names the missing key, in the ASP.NET Core spelling (section:key).</summary>
public static class RequiredConfiguration
{
    public static string GetRequiredConnectionString(this IConfiguration configuration, string name)
    {
        var value = configuration.GetConnectionString(name);
        return string.IsNullOrWhiteSpace(value)
            ? throw new InvalidOperationException(
                $"Missing configuration: ConnectionStrings:{name} (environment variable ConnectionStrings__{name}).")
            : value;
    }

    /// <summary>
    /// The broker: ConnectionStrings:RabbitMq, an amqp:// or amqps:// URI naming one node or several of a cluster
    /// (<see cref="BrokerAddress"/>). A malformed value fails start-up with a message naming the key.
    /// </summary>
    public static BrokerAddress GetRabbitMqAddress(this IConfiguration configuration)
    {
        var value = configuration.GetRequiredConnectionString("RabbitMq");
        try
        {
            return BrokerAddress.Parse(value);
        }
        catch (FormatException e)
        {
            throw new InvalidOperationException(
                $"Invalid configuration: ConnectionStrings:RabbitMq must be amqp://user:pass@host1:port,host2:port/vhost (or amqps://): {e.Message}.", e);
        }
    }
}
