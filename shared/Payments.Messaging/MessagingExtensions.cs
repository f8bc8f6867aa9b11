using System.Reflection;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Payments.Messaging.Broker;
using Payments.Messaging.Consumers;
using Payments.Messaging.DeadLetters;
using Payments.Messaging.Diagnostics;
using Payments.Messaging.Inbox;
using Payments.Messaging.Operations;
using Payments.Messaging.Outbox;
using Payments.Messaging.Postgres;
using Payments.Messaging.Schema;
using Payments.ServiceDefaults.Configuration;
using Payments.ServiceDefaults.Health;
using Payments.ServiceDefaults.Security;

namespace Payments.Messaging;

public static class MessagingExtensions
{
    /// <summary>
    /// The service's own PostgreSQL database (ConnectionStrings:Postgres): the messaging schema and the service's scripts
    /// migrated at start-up, the operator audit, metrics and health. What the service does with messages comes on top,
    /// and only what it uses: <see cref="AddInbox"/> for what it consumes, <see cref="AddOutbox"/> for what it emits.
    /// </summary>
    public static WebApplicationBuilder AddServiceDatabase(this WebApplicationBuilder builder, Assembly serviceSchema)
    {
        var services = builder.Services;
        var dataSourceBuilder = new NpgsqlDataSourceBuilder(PoolSettings.Apply(builder.Configuration.GetRequiredConnectionString("Postgres")));
        // Database spans only as part of a trace (a request, a message): relay polls, claims and health checks
        // would otherwise each start a trace of their own and bury the webhooks' traces.
        dataSourceBuilder.ConfigureTracing(tracing => tracing
            .ConfigureCommandFilter(_ => System.Diagnostics.Activity.Current is not null)
            .ConfigureBatchFilter(_ => System.Diagnostics.Activity.Current is not null));
        var dataSource = dataSourceBuilder.Build();
        services.AddSingleton(dataSource);
        // The messaging scripts create the inbox and outbox tables in every service's database, used or not: one schema
        // to migrate and to reason about, and empty tables cost nothing.
        services.AddSingleton(SchemaScripts.From(typeof(MessagingExtensions).Assembly));
        services.AddSingleton(SchemaScripts.From(serviceSchema));
        services.AddSingleton<SchemaMigrator>();
        services.AddSingleton<DatabaseReadiness>();
        services.AddHostedService<SchemaMigrationService>();
        services.AddSingleton<MessagingMetrics>();
        services.AddSingleton<OperatorAudit>();
        services.AddSingleton<IOperatorAudit>(sp => sp.GetRequiredService<OperatorAudit>());
        services.AddHealthChecks()
            .AddNpgSql(sp => sp.GetRequiredService<NpgsqlDataSource>(), name: "postgres", tags: [HealthEndpoints.ReadyTag], timeout: TimeSpan.FromSeconds(2))
            .AddCheck<SchemaHealthCheck>("postgres-schema", tags: [HealthEndpoints.ReadyTag]);
        services.AddExceptionHandler<DatabaseUnavailableHandler>();
        return builder;
    }

    /// <summary>The inbox (Messaging:Inbox): consumers record what they applied, with group commit and a retention.</summary>
    public static WebApplicationBuilder AddInbox(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<InboxOptions>().BindConfiguration("Messaging:Inbox").ValidateOnStart();
        services.AddSingleton<IValidateOptions<InboxOptions>, InboxOptionsValidator>();
        services.AddSingleton<InboxGroupCommit>();
        services.TryAddSingleton<OutboxSignal>(); // a handler's outbox rows wake the relay; without an outbox nobody listens
        services.AddHostedService<InboxCleanup>();
        return builder;
    }

    /// <summary>
    /// The transactional outbox (Messaging:Outbox) and its relay, publishing through Messaging:Broker as
    /// <paramref name="connectionName"/>: backlog metrics, parked rows and their retention.
    /// </summary>
    public static WebApplicationBuilder AddOutbox(this WebApplicationBuilder builder, string connectionName)
    {
        var services = builder.Services;
        services.AddOptions<OutboxOptions>().BindConfiguration("Messaging:Outbox").ValidateOnStart();
        services.AddSingleton<IValidateOptions<OutboxOptions>, OutboxOptionsValidator>();
        services.AddConfirmedPublisher("Messaging:Broker", o => o.ConnectionName = connectionName);
        services.TryAddSingleton<OutboxSignal>();
        services.AddHostedService<OutboxRelay>();
        services.AddHostedService<OutboxMonitor>();
        services.AddHostedService<ParkedOutboxCleanup>();
        services.AddSingleton<ParkedMessages>();
        return builder;
    }

    /// <summary>
    /// MassTransit on RabbitMQ (ConnectionStrings:RabbitMq) with the receive endpoints the service declares, each with
    /// its consumers: <c>bus.Endpoint(queue, section, defaults).Consumer&lt;TMessage, THandler&gt;(inboxKey)</c>.
    /// </summary>
    public static WebApplicationBuilder AddMessageBus(this WebApplicationBuilder builder, Action<ConsumerEndpoints> endpoints)
    {
        var broker = builder.Configuration.GetRabbitMqAddress();
        builder.Services.AddOptions<DeadLetterOptions>().BindConfiguration("Messaging:DeadLetters").ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<DeadLetterOptions>, DeadLetterOptionsValidator>();
        ConsumerEndpoints declared = null!;
        builder.Services.AddMassTransit(x =>
        {
            declared = new ConsumerEndpoints(x);
            endpoints(declared);
            x.UsingRabbitMq((context, cfg) =>
            {
                cfg.ConfigureHost(broker);
                // Every endpoint's _error (faulted) and _skipped (no consumer) queue drops a message after
                // Messaging:DeadLetters:Retention: dead letters carry whole messages, personal data included.
                // Declared here, not as a broker policy: docs/decisions/0004-personal-data-in-messages.md.
                var deadLetterTtl = (long)context.GetRequiredService<IOptions<DeadLetterOptions>>().Value.Retention.TotalMilliseconds;
                cfg.SendTopology.ConfigureErrorSettings = error => error.SetQueueArgument("x-message-ttl", deadLetterTtl);
                cfg.SendTopology.ConfigureDeadLetterSettings = skipped => skipped.SetQueueArgument("x-message-ttl", deadLetterTtl);
                declared.Configure(context, cfg);
            });
        });
        builder.Services.AddBusObserver(sp => new BusStartFaultLogger(sp.GetRequiredService<ILogger<BusStartFaultLogger>>(), broker.UserName));
        // What each endpoint holds and since when (GET /admin/messaging/endpoints: MapConsumerAdmin).
        builder.Services.AddSingleton(sp => new InFlightDeliveries(declared.Queues, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()));
        builder.Services.AddSingleton<InFlightObserver>();
        builder.Services.AddReceiveObserver(sp => sp.GetRequiredService<InFlightObserver>());
        builder.Services.AddConsumeObserver(sp => sp.GetRequiredService<InFlightObserver>());
        return builder;
    }
}
