using Microsoft.Extensions.Options;
using Payments.ProviderSimulator.Configuration;
using Payments.ProviderSimulator.Deliveries;
using Payments.ProviderSimulator.Diagnostics;
using Payments.ProviderSimulator.Faults;
using Payments.ProviderSimulator.LiqPay;
using Payments.ProviderSimulator.Payments;
using Payments.ProviderSimulator.Security;
using Payments.ProviderSimulator.StandardWebhooks;
using Payments.ProviderSimulator.State;
using Payments.ProviderSimulator.Stripe;
using Payments.ProviderSimulator.Stripe.Idempotency;
using Payments.ProviderSimulator.Targets;

namespace Payments.ProviderSimulator;

internal static class SimulatorExtensions
{
    /// <summary>Everything the simulator is made of; the webhook schemes are written out here, not scanned.</summary>
    public static WebApplicationBuilder AddProviderSimulator(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SimulatorOptions>().BindConfiguration(SimulatorOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SimulatorOptions>, SimulatorOptionsValidator>();
        services.ConfigureHttpJsonOptions(o => SimulatorJson.Configure(o.SerializerOptions));
        services.AddAdminKeyAuthentication(); // Simulator:AdminKeys on /sim; /v1 checks Simulator:ApiKeys itself

        // The sandbox's state, restored from Simulator:StatePath and written back on change.
        services.AddSingleton<RestoredState>();
        services.AddSingleton<PaymentLedger>();
        services.AddSingleton<TargetRegistry>();
        services.AddSingleton<IdempotencyStore>();
        services.AddHostedService<StatePersister>();

        // One format per scheme a receiver can ask for.
        services.AddSingleton<IWebhookFormat, StripeWebhookFormat>();
        services.AddSingleton<IWebhookFormat, LiqPayCallbackFormat>();
        services.AddSingleton<IWebhookFormat, StandardWebhooksFormat>();

        // From event to receiver: fan-out and fault decisions, the queue, the sending workers.
        services.AddSingleton<FaultInjector>();
        services.AddSingleton<SimulatorStats>();
        services.AddSingleton<DeliveryLog>();
        services.AddSingleton<DeliveryQueue>();
        services.AddSingleton<Reorderer>();
        services.AddSingleton<RetrySchedule>();
        services.AddSingleton<EventFanOut>();
        services.AddHttpClient(DeliveryDispatcher.ClientName)
            .ConfigureHttpClient((provider, client) =>
                client.Timeout = provider.GetRequiredService<IOptions<SimulatorOptions>>().Value.Delivery.Timeout)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false })
            .RemoveAllLoggers(); // every attempt is logged by the dispatcher, with the delivery's ids
        services.AddHostedService<DeliveryDispatcher>();
        return builder;
    }
}
