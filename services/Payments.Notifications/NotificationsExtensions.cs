using System.Net.Mail;
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

        services.AddOptions<NotificationsOptions>().BindConfiguration("Notifications").ValidateDataAnnotations()
            .Validate(o => MailAddress.TryCreate(o.OperationsEmail, out _), "Notifications:OperationsEmail must be an email address.")
            .Validate(o => o.Retention > TimeSpan.Zero && o.ParkedRetention > TimeSpan.Zero && o.CleanupInterval > TimeSpan.Zero,
                "Notifications:Retention, Notifications:ParkedRetention and Notifications:CleanupInterval must be positive.")
            // A pending row is leased while it is sent: it must not age out under a send in flight.
            .Validate<IOptions<DeliveryOptions>>((o, delivery) => o.PendingRetention > delivery.Value.Lease,
                "Notifications:PendingRetention must exceed Notifications:Delivery:Lease.")
            .ValidateOnStart();
        services.AddOptions<SmtpOptions>().BindConfiguration("Smtp").ValidateDataAnnotations()
            .Validate(o => MailAddress.TryCreate(o.From, out _), "Smtp:From must be an email address, e.g. \"Shop <shop@example.com>\".")
            .Validate(o => o.Timeout > TimeSpan.Zero, "Smtp:Timeout must be positive.")
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<SmtpOptions>, SmtpCredentialsValidator>();
        services.AddOptions<DeliveryOptions>().BindConfiguration("Notifications:Delivery")
            .Validate(o => o.Workers > 0 && o.MaxAttempts > 0, "Notifications:Delivery:Workers and MaxAttempts must be positive.")
            .Validate(o => o.BaseBackoff > TimeSpan.Zero && o.MaxBackoff >= o.BaseBackoff && o.PollInterval > TimeSpan.Zero,
                "Notifications:Delivery:BaseBackoff and PollInterval must be positive, MaxBackoff at least BaseBackoff.")
            .Validate<IOptions<SmtpOptions>>((o, smtp) => o.Lease >= smtp.Value.Timeout + NotificationSender.LeaseMargin + TimeSpan.FromSeconds(5),
                "Notifications:Delivery:Lease must exceed Smtp:Timeout by at least 15 s.")
            .ValidateOnStart();
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
