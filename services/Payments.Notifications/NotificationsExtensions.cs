using Microsoft.Extensions.Options;
using Payments.Contracts;
using Payments.Messaging;
using Payments.Notifications.Diagnostics;
using Payments.Notifications.Ledger;
using Payments.Notifications.OrderEvents;
using Payments.Notifications.Sending;

namespace Payments.Notifications;

public static class NotificationsExtensions
{
    /// <summary>The queue Orders' events reach this service through (one quorum queue, bound to each event's exchange).</summary>
    public const string OrderEventsQueue = "notifications-order-events";

    public static WebApplicationBuilder AddNotifications(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // It consumes and sends emails; it publishes nothing, so it runs no outbox relay and holds no publisher connection.
        builder.AddServiceDatabase(typeof(NotificationsExtensions).Assembly).AddInbox();

        services.AddOptions<NotificationsOptions>().BindConfiguration("Notifications").ValidateOnStart();
        services.AddSingleton<IValidateOptions<NotificationsOptions>, NotificationsOptionsValidator>();
        services.AddOptions<SmtpOptions>().BindConfiguration("Smtp").ValidateOnStart();
        services.AddSingleton<IValidateOptions<SmtpOptions>, SmtpOptionsValidator>();
        services.AddSingleton<IValidateOptions<SmtpOptions>, SmtpCredentialsValidator>();
        services.AddOptions<DeliveryOptions>().BindConfiguration("Notifications:Delivery").ValidateOnStart();
        services.AddSingleton<IValidateOptions<DeliveryOptions>, DeliveryOptionsValidator>();
        services.AddSingleton<NotificationsMetrics>();
        services.AddSingleton<SenderWake>();
        services.AddSingleton<SendQueue>();
        services.AddHostedService<NotificationSender>();
        services.AddHostedService<NotificationsMonitor>();
        services.AddHostedService<NotificationsCleanup>();

        // Only the database can fail here (SMTP is the sender's business): back off through its blips. One handler takes
        // the four events under one inbox key: one dedup space.
        const string orderEvents = "order-events";
        builder.AddMessageBus(bus => bus.Endpoint(OrderEventsQueue, "Notifications:OrderEvents", new(Prefetch: 128, RetryLimit: 10) { Concurrency = 64 })
            .Consumer<OrderPaid, OrderEventsHandler>(orderEvents)
            .Consumer<OrderPaymentFailed, OrderEventsHandler>(orderEvents)
            .Consumer<OrderRefunded, OrderEventsHandler>(orderEvents)
            .Consumer<OrderNeedsAttention, OrderEventsHandler>(orderEvents));
        return builder;
    }
}
