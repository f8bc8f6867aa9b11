using Payments.Ingress.Webhooks;
using Payments.Messaging.Broker;

namespace Payments.Ingress.Publishing;

public static class ConfirmTimeoutDefaults
{
    /// <summary>
    /// Unless Ingress:Broker:ConfirmTimeout is configured, a confirm may take the whole Ingress:ResponseBudget.
    /// <see cref="PublisherOptions"/>' own default (5 s) is above the ingress's default budget (3 s): without this, a
    /// deployment missing the key would fail start-up, or with a raised budget leave the confirm timeout deciding.
    /// Call after AddConfirmedPublisher, so it runs after the section is bound.
    /// </summary>
    public static IServiceCollection DefaultConfirmTimeoutToResponseBudget(this IServiceCollection services)
    {
        services.AddOptions<PublisherOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            if (configuration["Ingress:Broker:ConfirmTimeout"] is null)
            {
                options.ConfirmTimeout = configuration.GetValue($"{IngressOptions.SectionName}:ResponseBudget", new IngressOptions().ResponseBudget);
            }
        });
        return services;
    }
}
