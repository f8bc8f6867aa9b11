using System.Collections.Concurrent;
using System.IO.Compression;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Proto.Collector.Logs.V1;
using OpenTelemetry.Proto.Collector.Metrics.V1;
using OpenTelemetry.Proto.Collector.Trace.V1;

namespace Payments.EndToEnd.Tests.Telemetry;

/// <summary>
/// What Jaeger or a collector would be to the services: an OTLP/HTTP receiver on loopback accepting
/// POST /v1/traces, /v1/metrics and /v1/logs as binary protobuf (https://opentelemetry.io/docs/specs/otlp/#otlphttp), keeping
/// every span, metric and log record it decodes. Point OTEL_EXPORTER_OTLP_ENDPOINT at <see cref="Endpoint"/>.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private const string Protobuf = "application/x-protobuf";

    private readonly ConcurrentQueue<ReceivedSpan> _spans = new();
    private readonly ConcurrentQueue<ReceivedMetric> _metrics = new();
    private readonly ConcurrentQueue<ReceivedLog> _logs = new();
    private WebApplication? _app;

    public string Endpoint { get; private set; } = "";

    public IReadOnlyList<ReceivedSpan> Spans => [.. _spans];

    public IReadOnlyList<ReceivedMetric> Metrics => [.. _metrics];

    public IReadOnlyList<ReceivedLog> Logs => [.. _logs];

    public static async Task<OtlpReceiver> StartAsync(CancellationToken cancellationToken)
    {
        var receiver = new OtlpReceiver();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0"); // the OS picks a free port: no race with other listeners
        var app = builder.Build();
        app.MapPost("/v1/traces", async (HttpRequest request) =>
        {
            if (await ReadAsync(request, ExportTraceServiceRequest.Parser) is not { } export)
            {
                return Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);
            }

            foreach (var span in OtlpDecoder.Spans(export))
            {
                receiver._spans.Enqueue(span);
            }

            return Results.Bytes(new ExportTraceServiceResponse().ToByteArray(), Protobuf);
        });
        app.MapPost("/v1/metrics", async (HttpRequest request) =>
        {
            if (await ReadAsync(request, ExportMetricsServiceRequest.Parser) is not { } export)
            {
                return Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);
            }

            foreach (var metric in OtlpDecoder.Metrics(export))
            {
                receiver._metrics.Enqueue(metric);
            }

            return Results.Bytes(new ExportMetricsServiceResponse().ToByteArray(), Protobuf);
        });
        app.MapPost("/v1/logs", async (HttpRequest request) =>
        {
            if (await ReadAsync(request, ExportLogsServiceRequest.Parser) is not { } export)
            {
                return Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);
            }

            foreach (var log in OtlpDecoder.Logs(export))
            {
                receiver._logs.Enqueue(log);
            }

            return Results.Bytes(new ExportLogsServiceResponse().ToByteArray(), Protobuf);
        });
        await app.StartAsync(cancellationToken);
        receiver._app = app;
        receiver.Endpoint = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return receiver;
    }

    private static async Task<T?> ReadAsync<T>(HttpRequest request, MessageParser<T> parser) where T : class, IMessage<T>
    {
        if (!string.Equals(request.ContentType, Protobuf, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        using var buffer = new MemoryStream();
        if (request.Headers.ContentEncoding == "gzip")
        {
            // The exporter compresses only when told to (OTEL_EXPORTER_OTLP_COMPRESSION=gzip).
            await using var gzip = new GZipStream(request.Body, CompressionMode.Decompress, leaveOpen: true);
            await gzip.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        }
        else
        {
            await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        }

        return parser.ParseFrom(buffer.ToArray());
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
