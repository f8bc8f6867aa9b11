using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Payments.ServiceDefaults.Telemetry;

/// <summary>
/// Traces, metrics and logs over OTLP, switched on by the standard OTEL_EXPORTER_OTLP_ENDPOINT; the other OTEL_*
/// variables (headers, resource attributes, batch and export intervals) are read by the SDK itself
/// (https://opentelemetry.io/docs/specs/otel/configuration/sdk-environment-variables/).
/// Without an endpoint no provider is registered at all: nothing samples or enriches a request that nobody will see.
/// All three signals go to that one endpoint (a collector or Jaeger takes them all); the per-signal
/// OTEL_EXPORTER_OTLP_{TRACES,METRICS,LOGS}_ENDPOINT variables are not read, so setting only one of them exports nothing.
/// </summary>
public static class OpenTelemetryExtensions
{
    public const string EndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public const string ProtocolKey = "OTEL_EXPORTER_OTLP_PROTOCOL";

    /// <summary>Our own sources and MassTransit's; not RabbitMQ.Client's "RabbitMQ.Client.*", whose subscriber source starts unrelated traces.</summary>
    public static readonly string[] Sources = ["Payments.*", "MassTransit"];

    public static readonly string[] Meters = ["Payments.*", "MassTransit"];

    public static WebApplicationBuilder AddOpenTelemetryDefaults(this WebApplicationBuilder builder)
    {
        var endpoint = builder.Configuration[EndpointKey];
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return builder;
        }

        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new InvalidOperationException($"Invalid configuration: {EndpointKey} must be an absolute http:// or https:// URI, got '{endpoint}'.");
        }

        // The specification's default is http/protobuf (what Jaeger's 4318 speaks); the .NET exporter's own is gRPC.
        var protocol = builder.Configuration[ProtocolKey] switch
        {
            null or "" or "http/protobuf" => OtlpExportProtocol.HttpProtobuf,
            "grpc" => OtlpExportProtocol.Grpc,
            var other => throw new InvalidOperationException($"Invalid configuration: {ProtocolKey} must be http/protobuf or grpc, got '{other}'."),
        };

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(
                builder.Configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : builder.Environment.ApplicationName,
                serviceInstanceId: $"{Environment.MachineName}-{Environment.ProcessId}"))
            .WithTracing(tracing => tracing
                // Probes every few seconds are not what anyone follows in Jaeger: neither they nor what they query are recorded.
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !IsHealthProbe(context))
                .AddHttpClientInstrumentation()
                .AddNpgsql()
                .AddSource(Sources))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddMeter(Meters))
            // Each record carries the trace and span ids of the activity current when it was written.
            .WithLogging(configureBuilder: null, configureOptions: logging =>
            {
                logging.IncludeFormattedMessage = true;
                logging.IncludeScopes = true;
            })
            .UseOtlpExporter(protocol, uri); // appends /v1/traces, /v1/metrics, /v1/logs for http/protobuf
        return builder;
    }

    private static bool IsHealthProbe(HttpContext context) => context.Request.Path.StartsWithSegments("/health");
}
