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

    /// <summary>The broker address: an amqp:// or amqps:// URI.</summary>
    public static Uri GetRabbitMqUri(this IConfiguration configuration)
    {
        var value = configuration.GetRequiredConnectionString("RabbitMq");
        return Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "amqp" or "amqps"
            ? uri
            : throw new InvalidOperationException(
                "Invalid configuration: ConnectionStrings:RabbitMq must be an amqp:// or amqps:// URI.");
    }
}
