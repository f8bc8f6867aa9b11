using Payments.ProviderSimulator.Tests.Stripe;

namespace Payments.ProviderSimulator.Tests.Infrastructure;

/// <summary>
/// A test of what the simulator sends for a payment flow: a fresh simulator, a client of its Stripe API, and a receiver
/// that records every webhook; all disposed after the test.
/// </summary>
public abstract class WebhookFlowTest : IAsyncLifetime
{
    protected SimulatorApp App { get; } = new();

    protected StripeWireClient StripeApi { get; private set; } = null!;

    protected WebhookReceiver Receiver { get; private set; } = null!;

    public virtual async ValueTask InitializeAsync()
    {
        StripeApi = App.Stripe();
        Receiver = await WebhookReceiver.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Receiver.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
