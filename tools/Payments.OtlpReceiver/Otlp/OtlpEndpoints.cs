using System.IO.Compression;
using Google.Protobuf;
using OpenTelemetry.Proto.Collector.Trace.V1;
using Payments.OtlpReceiver.Traces;

namespace Payments.OtlpReceiver.Otlp;

/// <summary>
/// OTLP/HTTP with binary protobuf (https://opentelemetry.io/docs/specs/otlp/#otlphttp): traces are kept, logs and
/// metrics accepted and dropped (Jaeger shows traces only). Success is 200 with an empty Export*ServiceResponse,
/// whose protobuf encoding is zero bytes.
/// </summary>
public static class OtlpEndpoints
{
    public static RouteGroupBuilder MapOtlp(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1");
        group.MapPost("/traces", ReceiveTraces);
        group.MapPost("/logs", Discard);
        group.MapPost("/metrics", Discard);
        return group;
    }

    private static async Task<IResult> ReceiveTraces(HttpRequest request, TraceStore store, CancellationToken cancellationToken)
    {
        ExportTraceServiceRequest export;
        try
        {
            using var body = await ReadBody(request, cancellationToken);
            export = ExportTraceServiceRequest.Parser.ParseFrom(body);
        }
        catch (InvalidProtocolBufferException)
        {
            return TypedResults.BadRequest();
        }

        store.Add(export);
        return Empty();
    }

    private static async Task<IResult> Discard(HttpRequest request, CancellationToken cancellationToken)
    {
        using var body = await ReadBody(request, cancellationToken);
        return Empty();
    }

    private static IResult Empty() => TypedResults.Bytes([], "application/x-protobuf");

    private static async Task<MemoryStream> ReadBody(HttpRequest request, CancellationToken cancellationToken)
    {
        var body = new MemoryStream();
        var source = request.Headers.ContentEncoding == "gzip" ? new GZipStream(request.Body, CompressionMode.Decompress) : request.Body;
        await source.CopyToAsync(body, cancellationToken);
        body.Position = 0;
        return body;
    }
}
