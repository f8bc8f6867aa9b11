using System.Diagnostics;
using Microsoft.Net.Http.Headers;
using OpenTelemetry;
using OpenTelemetry.Context.Propagation;
using OpenTelemetry.Instrumentation.AspNetCore;

namespace Payments.Ingress.Diagnostics;

/// <summary>
/// One new trace per webhook, with the caller's traceparent kept as an ActivityLink rather than as the parent: the
/// OpenTelemetry advice for a public endpoint (https://opentelemetry.io/docs/specs/otel/trace/api/#link). Two places
/// would otherwise parent the request on the header: ASP.NET Core's hosting (it asks the DI-registered
/// DistributedContextPropagator) and the OpenTelemetry ASP.NET Core instrumentation, which re-extracts with
/// OpenTelemetry's default propagator and, on a different parent, replaces the activity with one parented on it.
/// Neither extracts here; the link is added by the instrumentation's request enricher, which runs only when traces
/// are exported, and allocates only when a traceparent is present.
/// </summary>
internal static class EdgeTracing
{
    public static IServiceCollection AddEdgeTracing(this IServiceCollection services)
    {
        services.AddSingleton<DistributedContextPropagator>(new NewTraceAtTheEdgePropagator(DistributedContextPropagator.CreateDefaultPropagator()));
        // Process-wide, and nothing else in the ingress extracts with it: it publishes through its own AMQP client, whose
        // trace headers are written from the current activity (Payments.Messaging's TraceHeaders).
        Sdk.SetDefaultTextMapPropagator(new CompositeTextMapPropagator([]));
        services.Configure<AspNetCoreTraceInstrumentationOptions>(o => o.EnrichWithHttpRequest = LinkCaller);
        return services;
    }

    private static void LinkCaller(Activity activity, HttpRequest request)
    {
        if (request.Headers[HeaderNames.TraceParent] is [{ } traceParent]
            && ActivityContext.TryParse(traceParent, request.Headers[HeaderNames.TraceState], isRemote: true, out var caller))
        {
            activity.AddLink(new ActivityLink(caller));
        }
    }
}
