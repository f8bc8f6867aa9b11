using Payments.Ingress.Tests.Infrastructure;
using Payments.Testing.RabbitMq;
using Payments.Testing.Services;

namespace Payments.Ingress.Tests.Networks;

/// <summary>
/// The ingress as a real process behind real sockets (a test server has no client address), with three Stripe
/// sources: "inside" allows loopback, "outside" and "forwarded" allow only documentation ranges (RFC 5737). It
/// publishes to a queue of its own, and disposing it stops it and deletes that queue.
/// </summary>
internal sealed class IngressProcess : IAsyncDisposable
{
    public const string Inside = "inside";
    public const string Outside = "outside";
    public const string Forwarded = "forwarded";
    public const string ForwardedClient = "203.0.113.7";

    private readonly RabbitMqFixture _broker;

    private IngressProcess(RabbitMqFixture broker, ServiceProcess process, string queue)
    {
        _broker = broker;
        Process = process;
        Queue = queue;
        Client = new HttpClient { BaseAddress = new Uri(process.BaseUrl) };
    }

    public ServiceProcess Process { get; }

    public string Queue { get; }

    public HttpClient Client { get; }

    /// <summary>Started and ready, trusting <paramref name="knownProxy"/>'s X-Forwarded-For when one is given.</summary>
    public static async Task<IngressProcess> StartAsync(RabbitMqFixture broker, string? knownProxy)
    {
        var queue = $"ingress-networks-{Guid.NewGuid():N}";
        var process = Create(broker.AmqpUri, queue, knownProxy);
        await process.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        return new IngressProcess(broker, process, queue);
    }

    /// <summary>What it has published so far.</summary>
    public Task<uint> PublishedAsync(CancellationToken cancellationToken) => _broker.MessageCountAsync(Queue, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Process.DisposeAsync();
        await _broker.DeleteQueueAsync(Queue, TestContext.Current.CancellationToken);
    }

    private static ServiceProcess Create(string amqpUri, string queue, string? knownProxy)
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
