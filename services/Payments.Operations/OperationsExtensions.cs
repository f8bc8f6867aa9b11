using Payments.Messaging;
using Payments.Messaging.Broker;
using Payments.Operations.DeadLetters;
using Payments.Operations.Now;
using Payments.Operations.Parked;
using Payments.Operations.ServiceApis;
using Payments.Operations.Timeline;

namespace Payments.Operations;

public static class OperationsExtensions
{
    public static WebApplicationBuilder AddOperations(this WebApplicationBuilder builder)
    {
        builder.AddServiceDatabase(typeof(OperationsExtensions).Assembly);
        // Replays publish straight to the queue they came from, confirmed: Operations consumes through no inbox and
        // emits nothing of its own, so it has neither inbox nor outbox.
        builder.Services.AddConfirmedPublisher("Messaging:Broker", o => o.ConnectionName = "payments-operations");
        builder.AddServiceApis();
        builder.AddDeadLetters();
        builder.AddTimeline();
        builder.Services.AddScoped<ParkedCollector>();
        builder.AddNow();
        return builder;
    }
}
