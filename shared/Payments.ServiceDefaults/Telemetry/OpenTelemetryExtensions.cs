using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Payments.ServiceDefaults.Telemetry;

/// <summary>
/// Tracing and metrics from the OpenTelemetry core SDK (OpenTelemetry.Extensions.Hosting is not available to us),
/// switched on by the standard OTEL_EXPORTER_OTLP_ENDPOINT and named by OTEL_SERVICE_NAME
/// (https://opentelemetry.io/docs/specs/otel/protocol/exporter/). Without an endpoint nothing listens, so it costs nothing.
/// </summary>
public static class OpenTelemetryExtensions
{
    /// <summary>Activity sources exported: our own, MassTransit's (not RabbitMQ.Client's, which starts unrelated traces), ASP.NET Core, HttpClient, Npgsql.</summary>
    public static readonly string[] Sources = ["Payments.*", "MassTransit", "Microsoft.AspNetCore", "System.Net.Http", "Npgsql"];

    public static readonly string[] Meters =
    [
        "Payments.*", "MassTransit", "Npgsql", "System.Net.Http", "System.Runtime",
        "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel",
    ];

    public static WebApplicationBuilder AddOpenTelemetryDefaults(this WebApplicationBuilder builder)
    {
        var endpoint = builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return builder;
        }

        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var baseUri))
        {
            throw new InvalidOperationException(
                $"Configuration key OTEL_EXPORTER_OTLP_ENDPOINT must be an absolute URI, got '{endpoint}'.");
        }

        var serviceName = builder.Configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name
            ? name
            : builder.Environment.ApplicationName;
        var protocol = builder.Configuration["OTEL_EXPORTER_OTLP_PROTOCOL"] == "grpc"
            ? OtlpExportProtocol.Grpc
            : OtlpExportProtocol.HttpProtobuf;
        var resource = ResourceBuilder.CreateDefault().AddService(serviceName, serviceInstanceId: Environment.MachineName + "-" + Environment.ProcessId);

        var tracing = Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(resource)
            .AddSource(Sources)
            .AddOtlpExporter(o => Configure(o, baseUri, protocol, "v1/traces"))
            .Build();
        var metrics = Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(resource)
            .AddMeter(Meters)
            .AddOtlpExporter((o, reader) =>
            {
                Configure(o, baseUri, protocol, "v1/metrics");
                reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds =
                    builder.Configuration.GetValue("OTEL_METRIC_EXPORT_INTERVAL", 15_000);
            })
            .Build();

        builder.Services.AddHostedService(_ => new TelemetryProviders(tracing, metrics));
        return builder;
    }

    // When the endpoint is set in code the exporter does not append the signal path itself (the spec's rule for the env var).
    private static void Configure(OtlpExporterOptions options, Uri baseUri, OtlpExportProtocol protocol, string signalPath)
    {
        options.Protocol = protocol;
        options.Endpoint = protocol == OtlpExportProtocol.HttpProtobuf
            ? new Uri(baseUri.ToString().TrimEnd('/') + "/" + signalPath)
            : baseUri;
    }
}
