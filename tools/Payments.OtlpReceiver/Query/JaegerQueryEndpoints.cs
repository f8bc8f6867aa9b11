using Payments.OtlpReceiver.Traces;

namespace Payments.OtlpReceiver.Query;

/// <summary>The part of Jaeger's query API (its UI's /api) that tests and people use to find traces.</summary>
public static class JaegerQueryEndpoints
{
    public static RouteGroupBuilder MapJaegerQuery(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("");
        group.MapGet("/", () => TypedResults.Text("OTLP receiver answering Jaeger's query API: /api/services, /api/traces\n"));
        group.MapGet("/api/services", (TraceStore store) => TypedResults.Json(new { data = store.Services() }));
        group.MapGet("/api/traces/{traceId}", Trace);
        group.MapGet("/api/traces", Search);
        return group;
    }

    private static IResult Trace(string traceId, TraceStore store) =>
        store.Trace(traceId) is { } spans
            ? TypedResults.Json(new { data = new[] { JaegerTrace.From(spans) } })
            : TypedResults.NotFound(new { data = (object?)null, errors = new[] { new { code = 404, msg = "trace not found" } } });

    private static IResult Search(TraceStore store, string? service, int? limit) =>
        TypedResults.Json(new { data = store.Recent(service, Math.Clamp(limit ?? 20, 1, 1500)).Select(JaegerTrace.From) });
}
