using Microsoft.Extensions.Options;
using Payments.Ingress.Diagnostics;
using Payments.Ingress.Limits;
using Payments.Ingress.Networks;
using Payments.Ingress.Publishing;
using Payments.Ingress.Traffic;
using Payments.Ingress.Webhooks;
using Payments.Ingress.Webhooks.Schemes;
using Payments.Ingress.Webhooks.Schemes.GitHub;
using Payments.Ingress.Webhooks.Schemes.LiqPay;
using Payments.Ingress.Webhooks.Schemes.StandardWebhooks;
using Payments.Ingress.Webhooks.Schemes.Stripe;
using Payments.ServiceDefaults.Configuration;
using Payments.ServiceDefaults.Security;
using Payments.Contracts;
using Payments.Messaging.Broker;

namespace Payments.Ingress;

public static class IngressExtensions
{
    /// <summary>Everything the ingress is made of; the list of schemes is written out here, not scanned.</summary>
    public static WebApplicationBuilder AddIngress(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.Configuration.GetRabbitMqAddress(); // fail fast, naming ConnectionStrings:RabbitMq
        services.AddEdgeTracing();

        services.AddSingleton<IWebhookScheme, StripeScheme>();
        services.AddSingleton<IWebhookScheme, StandardWebhooksScheme>();
        services.AddSingleton<IWebhookScheme, LiqPayScheme>();
        services.AddSingleton<IWebhookScheme, GitHubScheme>();

        services.AddOptions<IngressOptions>().BindConfiguration(IngressOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<IngressOptions>, IngressOptionsValidator>();
        services.AddConfirmedPublisher("Ingress:Broker", o =>
        {
            o.ConnectionName = "payments-ingress";
            o.RequiredMessageTypes.Add(typeof(PaymentEventReceived));
        });
        services.DefaultConfirmTimeoutToResponseBudget();
        services.AddSingleton<IValidateOptions<PublisherOptions>, RequiredQueuesValidator>();
        services.AddOptions<RetryAfterOptions>().BindConfiguration("Ingress:Broker");

        services.AddSingleton<WebhookSources>();
        services.AddSingleton<TrafficCounter>();
        services.AddSingleton<IngressMetrics>();
        services.AddSingleton<IOperatorAudit, LoggedOperatorAudit>();
        services.AddSingleton<PaymentEventPublisher>();
        services.AddSingleton<WebhookIntake>(); // stateless, over singletons: nothing to resolve per request
        services.AddProblemDetails();
        services.AddSourceRateLimits();
        services.AddKestrelLimits();
        services.AddKnownProxies(builder.Configuration);
        return builder;
    }
}
