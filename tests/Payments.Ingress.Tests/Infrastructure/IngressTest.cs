using Payments.Testing.RabbitMq;

namespace Payments.Ingress.Tests.Infrastructure;

/// <summary>
/// A test class against the real ingress in-process on the shared broker: ready before each test, stopped after it,
/// with the queue it required removed.
/// </summary>
public abstract class IngressTest(RabbitMqFixture broker) : IAsyncLifetime
{
    protected RabbitMqFixture Broker { get; } = broker;

    protected IngressApp App { get; } = new(broker.AmqpUri);

    protected HttpClient Client { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Client = await App.ReadyClientAsync();

    public virtual async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Broker.DeleteQueueAsync(App.Queue, TestContext.Current.CancellationToken);
        GC.SuppressFinalize(this);
    }
}
