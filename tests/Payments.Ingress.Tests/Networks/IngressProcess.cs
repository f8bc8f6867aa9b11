using Payments.Ingress.Tests.Infrastructure;
using Payments.Testing.Services;

namespace Payments.Ingress.Tests.Networks;

/// <summary>
/// The ingress as a real process behind real sockets (a test server has no client address), with three Stripe
/// sources: "inside" allows loopback, "outside" and "forwarded" allow only documentation ranges (RFC 5737).
/// </summary>
internal static class IngressProcess
{
    public const string Inside = "inside";
    public const string Outside = "outside";
    public const string Forwarded = "forwarded";
    public const string ForwardedClient = "203.0.113.7";

    public static ServiceProcess Create(string amqpUri, string queue, string? knownProxy)
    {
        var process = new ServiceProcess("Payments.Ingress")
            .With("ConnectionStrings:RabbitMq", amqpUri)
            .With("Ingress:Broker:RequiredQueues:0", queue)
            .With("Logging:LogLevel:Default", "Warning");
        foreach (var (source, network) in new[] { (Inside, "127.0.0.0/8"), (Outside, "192.0.2.0/24"), (Forwarded, "203.0.113.0/24") })
        {
            process.With($"Ingress:Sources:{source}:Scheme", "stripe")
                .With($"Ingress:Sources:{source}:Secrets:0", TestSecrets.Stripe)
                .With($"Ingress:Sources:{source}:AllowedNetworks:0", network)
                .With($"Ingress:Sources:{source}:AllowedNetworks:1", "2001:db8::/32");
        }

        if (knownProxy is not null)
        {
            process.With("Ingress:KnownProxies:0", knownProxy);
        }

        return process;
    }
}
