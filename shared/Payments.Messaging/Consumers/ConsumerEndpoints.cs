using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Payments.Messaging.Consumers;

/// <summary>
/// A service's receive endpoints, each declared once with its consumers (<see cref="Endpoint"/>). Every endpoint gets
/// the same policies: a quorum queue, unknown message types to its _error queue with their reason, and the shared
/// retry (<see cref="ConsumerRetry"/>) with the endpoint's own limit.
/// </summary>
public sealed class ConsumerEndpoints
{
    private readonly IBusRegistrationConfigurator _registration;
    private readonly List<ConsumerEndpoint> _endpoints = [];

    internal ConsumerEndpoints(IBusRegistrationConfigurator registration) => _registration = registration;

    /// <summary>
    /// Declares the endpoint reading <paramref name="queue"/>: its prefetch, concurrency and retry limit bound from
    /// <paramref name="section"/> (<c>{section}:Prefetch</c>, <c>:Concurrency</c>, <c>:RetryLimit</c>) over
    /// <paramref name="defaults"/>, validated at start-up.
    /// </summary>
    public ConsumerEndpoint Endpoint(string queue, string section, ConsumerEndpointDefaults defaults)
    {
        if (_endpoints.Any(e => e.Queue == queue))
        {
            throw new InvalidOperationException($"The receive endpoint {queue} is declared twice.");
        }

        _registration.AddOptions<ConsumerEndpointOptions>(queue)
            .Configure(o =>
            {
                o.Prefetch = defaults.Prefetch;
                o.Concurrency = defaults.Concurrency;
                o.RetryLimit = defaults.RetryLimit;
            })
            .BindConfiguration(section)
            .ValidateOnStart();
        _registration.AddSingleton<IValidateOptions<ConsumerEndpointOptions>>(new ConsumerEndpointOptionsValidator(queue, section));
        var endpoint = new ConsumerEndpoint(_registration, queue, defaults);
        _endpoints.Add(endpoint);
        return endpoint;
    }

    /// <summary>The queues of the declared endpoints, in declaration order.</summary>
    internal IReadOnlyList<string> Queues => [.. _endpoints.Select(e => e.Queue)];

    internal void Configure(IBusRegistrationContext context, IRabbitMqBusFactoryConfigurator bus)
    {
        var options = context.GetRequiredService<IOptionsMonitor<ConsumerEndpointOptions>>();
        foreach (var endpoint in _endpoints)
        {
            var limits = options.Get(endpoint.Queue);
            bus.ReceiveEndpoint(endpoint.Queue, e => endpoint.Apply(e, context, limits));
        }
    }
}
