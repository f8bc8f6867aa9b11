using Payments.Messaging;
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
        builder.AddPostgresMessaging(typeof(OperationsExtensions).Assembly, connectionName: "payments-operations");
        builder.AddServiceApis();
        builder.AddDeadLetters();
        builder.AddTimeline();
        builder.Services.AddScoped<ParkedCollector>();
        builder.AddNow();
        return builder;
    }
}
