using Microsoft.Extensions.Options;
using Payments.Contracts;
using Payments.Messaging;
using Payments.Messaging.Broker;
using Payments.Reconciliation.Diagnostics;
using Payments.Reconciliation.Endpoints;
using Payments.Reconciliation.Housekeeping;
using Payments.Reconciliation.OrderEvents;
using Payments.Reconciliation.Providers;
using Payments.Reconciliation.Providers.LiqPay;
using Payments.Reconciliation.Providers.Stripe;

namespace Payments.Reconciliation;

public static class ReconciliationExtensions
{
    /// <summary>Orders' events, from which our view of payments awaiting an outcome is built.</summary>
    public const string OrderEventsQueue = "reconciliation-order-events";

    public static WebApplicationBuilder AddReconciliation(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.AddServiceDatabase(typeof(ReconciliationExtensions).Assembly).AddInbox().AddOutbox(connectionName: "payments-reconciliation");
        // What we announce must reach Orders' queue even if Orders never ran yet (Messaging:Broker:RequiredQueues).
        services.Configure<PublisherOptions>(o => o.RequiredMessageTypes.Add(typeof(PaymentEventReceived)));

        services.AddSingleton<ReconciliationMetrics>();
        services.AddOptions<ReconciliationOptions>().BindConfiguration("Reconciliation").ValidateOnStart();
        services.AddSingleton<IValidateOptions<ReconciliationOptions>, ReconciliationOptionsValidator>();
        services.AddScoped<ProviderCheck>();
        services.AddScoped<HousekeepingPass>();
        services.AddHostedService<HousekeepingService>();
        services.AddSingleton<EndpointStatuses>();
        services.AddTransient<EndpointCheck>();
        services.AddHostedService<EndpointWatchService>();
        AddProviders(builder);

        // Only database blips can fail these upserts: back off, then dead-letter with the reason.
        builder.AddMessageBus(bus => bus.Endpoint(OrderEventsQueue, "Reconciliation:OrderEvents", new(Prefetch: 64, RetryLimit: 10))
            .Consumer<OrderCreated, OrderCreatedHandler>("order-created")
            .Consumer<OrderPaymentStatusChanged, OrderPaymentStatusChangedHandler>("order-payment-status-changed")
            .Consumer<OrderNeedsAttention, OrderNeedsAttentionHandler>("order-needs-attention"));
        return builder;
    }

    /// <summary>The Stripe-compatible provider always; LiqPay when its merchant keys are configured.</summary>
    private static void AddProviders(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ProviderOptions>().BindConfiguration("Provider").ValidateOnStart();
        services.AddSingleton<IValidateOptions<ProviderOptions>, ProviderOptionsValidator>();
        services.AddScoped<ProviderClients>();

        services.AddHttpClient<StripeStatusClient>((sp, http) => Configure(http, sp.GetRequiredService<IOptions<ProviderOptions>>().Value.BaseUrl, sp))
            .AddProviderResilience();
        services.AddTransient<IPaymentStatusClient>(sp => sp.GetRequiredService<StripeStatusClient>());
        services.AddTransient<IPaymentLister>(sp => sp.GetRequiredService<StripeStatusClient>());
        services.AddHttpClient<StripeWebhookEndpoints>((sp, http) => Configure(http, sp.GetRequiredService<IOptions<ProviderOptions>>().Value.BaseUrl, sp))
            .AddProviderResilience();

        if (builder.Configuration.GetSection("Provider:LiqPay").Get<LiqPayOptions>() is { IsConfigured: true })
        {
            services.AddHttpClient<LiqPayStatusClient>((sp, http) =>
            {
                var provider = sp.GetRequiredService<IOptions<ProviderOptions>>().Value;
                Configure(http, provider.LiqPay.BaseUrl ?? provider.BaseUrl, sp);
            }).AddProviderResilience();
            services.AddTransient<IPaymentStatusClient>(sp => sp.GetRequiredService<LiqPayStatusClient>());
        }
    }

    // The resilience handler bounds each attempt and the whole call; the client's own timeout is only a backstop above them.
    private static void Configure(HttpClient http, string baseUrl, IServiceProvider services)
    {
        http.BaseAddress = new Uri(baseUrl.TrimEnd('/') + "/");
        http.Timeout = services.GetRequiredService<IOptions<ProviderOptions>>().Value.Resilience.TotalTimeout + TimeSpan.FromSeconds(1);
    }
}
