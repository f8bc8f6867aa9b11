using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Payments.ServiceDefaults.Health;
using Payments.ServiceDefaults.Hosting;
using Payments.ServiceDefaults.Telemetry;

namespace Payments.ServiceDefaults;

/// <summary>What every Payments service has: logs with trace ids, OpenTelemetry, health endpoints, the clock, a JIT profile.</summary>
public static class ServiceDefaultsExtensions
{
    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder)
    {
        JitProfile.Start(builder.Configuration, builder.Environment.ApplicationName); // first: the rest of start-up replays too
        builder.Logging.Configure(o => o.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        builder.Logging.AddSimpleConsole(o =>
        {
            o.IncludeScopes = true;
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss.fff ";
        });

        builder.AddOpenTelemetryDefaults();
        builder.Services.AddHealthChecks();
        builder.Services.AddProblemDetails();
        builder.Services.AddSingleton(TimeProvider.System); // one clock, registered here and nowhere else
        return builder;
    }

    /// <summary>Error answers as problem+json and the health endpoints.</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        // Unhandled exceptions and bad requests (e.g. unreadable JSON) answer problem+json, never a stack trace.
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapHealthEndpoints();
        return app;
    }
}
