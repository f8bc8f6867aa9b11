using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Payments.ServiceDefaults.Health;
using RabbitMQ.Client;

namespace Payments.Messaging.Broker;

public static class BrokerExtensions
{
    /// <summary>
    /// The confirmed publisher, its connection (a hosted service) and a "ready" health check on it.
    /// Options are bound from <paramref name="sectionName"/>; <paramref name="configure"/> adds what code knows (message types).
    /// </summary>
    public static IServiceCollection AddConfirmedPublisher(this IServiceCollection services, string sectionName, Action<PublisherOptions>? configure = null)
    {
        var options = services.AddOptions<PublisherOptions>().BindConfiguration(sectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PublisherOptions>>(new PublisherOptionsValidator(sectionName));
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.AddSingleton<BrokerConnection>();
        services.AddHostedService(sp => sp.GetRequiredService<BrokerConnection>());
        services.AddSingleton<ConfirmedPublisher>();
        services.AddHealthChecks()
            .Add(new HealthCheckRegistration("rabbitmq", sp => new BrokerAnswersHealthCheck(sp.GetRequiredService<BrokerConnection>()),
                failureStatus: null, tags: [HealthEndpoints.ReadyTag], timeout: TimeSpan.FromSeconds(2)))
            .AddCheck<BrokerTopologyHealthCheck>("rabbitmq-topology", tags: [HealthEndpoints.ReadyTag]);
        return services;
    }
}
