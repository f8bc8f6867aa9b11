using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Payments.Messaging.DeadLetters;
using Payments.Messaging.Inbox;

namespace Payments.Messaging.Consumers;

/// <summary>
/// One receive endpoint and the inbox consumers on it, declared once: its queue, the configuration section of its
/// limits, what it does besides the shared policies, and each consumer with its inbox key.
/// </summary>
public sealed class ConsumerEndpoint
{
    private readonly IBusRegistrationConfigurator _registration;
    private readonly ConsumerEndpointDefaults _defaults;
    private readonly List<Action<IRabbitMqReceiveEndpointConfigurator, IBusRegistrationContext>> _configure = [];
    private readonly List<Type> _notRetried = [];
    private readonly List<Action<IRabbitMqReceiveEndpointConfigurator, IBusRegistrationContext>> _consumers = [];

    internal ConsumerEndpoint(IBusRegistrationConfigurator registration, string queue, ConsumerEndpointDefaults defaults)
    {
        _registration = registration;
        _defaults = defaults;
        Queue = queue;
    }

    public string Queue { get; }

    /// <summary>
    /// Registers <typeparamref name="THandler"/> for <typeparamref name="TMessage"/> on this endpoint, recording its
    /// deliveries in the inbox under <paramref name="inboxKey"/>: short kebab-case, stable, the same for every message
    /// type of one handler (docs/decisions/0032-explicit-inbox-keys.md).
    /// </summary>
    public ConsumerEndpoint Consumer<TMessage, THandler>(string inboxKey)
        where TMessage : class
        where THandler : class, IInboxHandler<TMessage>
    {
        InboxKeys.Add<THandler>(_registration, inboxKey);
        _registration.TryAddScoped<THandler>();
        _registration.AddConsumer<InboxConsumer<TMessage, THandler>>();
        _consumers.Add((endpoint, context) => endpoint.ConfigureConsumer<InboxConsumer<TMessage, THandler>>(context));
        return this;
    }

    /// <summary>
    /// What this endpoint does besides the shared policies, e.g. a filter of its own. Applied before the retry, so a
    /// filter sees what the retry let through (see <see cref="NotRetrying{TException}"/>).
    /// </summary>
    public ConsumerEndpoint Configure(Action<IRabbitMqReceiveEndpointConfigurator, IBusRegistrationContext> configure)
    {
        _configure.Add(configure);
        return this;
    }

    /// <summary>A failure the retry passes straight on: a filter of this endpoint deals with it, or nothing can.</summary>
    public ConsumerEndpoint NotRetrying<TException>() where TException : Exception
    {
        _notRetried.Add(typeof(TException));
        return this;
    }

    internal void Apply(IRabbitMqReceiveEndpointConfigurator endpoint, IBusRegistrationContext context, ConsumerEndpointOptions options)
    {
        // Publishers declare our queues before we first run, as quorum queues (BrokerConnection): the arguments must agree.
        endpoint.SetQuorumQueue();
        endpoint.PrefetchCount = options.Prefetch;
        if (options.Concurrency is { } concurrency)
        {
            endpoint.ConcurrentMessageLimit = concurrency;
        }

        foreach (var configure in _configure)
        {
            configure(endpoint, context);
        }

        endpoint.DeadLetterUnknownTypes();
        endpoint.UseMessageRetry(retry => ConsumerRetry.Apply(retry, options.RetryLimit, _defaults.Backoff, _notRetried));
        foreach (var consumer in _consumers)
        {
            consumer(endpoint, context);
        }
    }
}
