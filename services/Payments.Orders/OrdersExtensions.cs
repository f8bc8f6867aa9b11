using MassTransit;
using Microsoft.Extensions.Options;
using Payments.Contracts;
using Payments.Messaging;
using Payments.Messaging.Broker;
using Payments.Messaging.Consumers;
using Payments.Orders.Diagnostics;
using Payments.Orders.Ordering;
using Payments.Orders.PaymentCreation;
using Payments.Orders.PaymentEvents;

namespace Payments.Orders;

public static class OrdersExtensions
{
    /// <summary>The queue the ingress (and reconciliation) feed canonical payment events into.</summary>
    public const string PaymentEventsQueue = "orders-payment-events";

    public const string PaymentCreationQueue = "orders-payment-creation";

    public static WebApplicationBuilder AddOrders(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.AddServiceDatabase(typeof(OrdersExtensions).Assembly).AddInbox().AddOutbox(connectionName: "payments-orders");
        var notFoundDelays = NotFoundDelayQueues(builder.Configuration);
        // What Orders publishes, so that Messaging:Broker:Subscribers can declare the queues of services that have not run yet.
        services.Configure<PublisherOptions>(o =>
        {
            o.RequiredMessageTypes.AddRange([typeof(OrderCreated), typeof(OrderPaid), typeof(OrderPaymentFailed), typeof(OrderRefunded), typeof(OrderPaymentStatusChanged), typeof(OrderNeedsAttention)]);
            o.DelayQueues.AddRange(notFoundDelays);
        });

        services.AddOptions<ProviderOptions>().BindConfiguration("Provider").ValidateOnStart();
        services.AddSingleton<IValidateOptions<ProviderOptions>, ProviderOptionsValidator>();
        services.AddHttpClient<PaymentProviderClient>((sp, http) =>
            {
                var provider = sp.GetRequiredService<IOptions<ProviderOptions>>().Value;
                http.BaseAddress = new Uri(provider.BaseUrl.TrimEnd('/') + "/");
                http.Timeout = provider.TotalTimeout + TimeSpan.FromSeconds(1); // a backstop above the resilience handler's bounds
            })
            .AddPaymentProviderResilience();
        services.AddSingleton<LiqPayCheckout>();
        services.AddTransient<IPaymentCreator>(sp => sp.GetRequiredService<IOptions<ProviderOptions>>().Value.Api == ProviderOptions.LiqPay
            ? sp.GetRequiredService<LiqPayCheckout>()
            : sp.GetRequiredService<PaymentProviderClient>());
        services.AddSingleton<OrdersMetrics>();
        services.AddScoped<OrderCreation>();

        builder.AddMessageBus(bus =>
        {
            // An event may race its order's creation: tried again after each delay, waiting in the broker (no consumer slot
            // held), then dead-lettered (the _error queue keeps the reason). Other failures back off, then go there too.
            bus.Endpoint(PaymentEventsQueue, "Orders:PaymentEvents", new(Prefetch: 256, RetryLimit: 10) { Concurrency = 128 })
                .Configure((e, context) => e.UseFilter(new NotFoundDelays(context, notFoundDelays)))
                .NotRetrying<OrderNotFoundException>()
                .Consumer<PaymentEventReceived, PaymentEventHandler>("payment-events");
            // The provider may be down for a while: keep trying, backing off up to a few minutes.
            var providerDown = new RetryBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(2));
            bus.Endpoint(PaymentCreationQueue, "Orders:PaymentCreation", new(Prefetch: 16, RetryLimit: 20) { Backoff = providerDown })
                .Consumer<CreateOrderPayment, CreateOrderPaymentHandler>("payment-creation");
        });
        return builder;
    }

    private static IReadOnlyList<DelayQueue> NotFoundDelayQueues(IConfiguration config)
    {
        const string key = "Orders:PaymentEvents:NotFoundRetryIntervals";
        var intervals = config.GetSection(key).Get<int[]>() ?? [500, 2_000, 5_000, 10_000, 20_000];
        for (var i = 0; i < intervals.Length; i++)
        {
            if (intervals[i] <= 0)
            {
                throw new InvalidOperationException($"Invalid configuration: {key}:{i} must be a positive number of milliseconds (it is {intervals[i]}).");
            }
        }

        return NotFoundDelays.For(PaymentEventsQueue, intervals);
    }
}
