using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;

namespace Payments.ServiceDefaults.Telemetry;

/// <summary>
/// ASP.NET Core 10 emits its server activity without the instrumentation package, but untagged: add the
/// HTTP semantic-convention tags (https://opentelemetry.io/docs/specs/semconv/http/http-spans/) and name it "{method} {route}".
/// </summary>
internal sealed class HttpServerSpanEnricher(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        // Probes every few seconds are not what anyone follows in Jaeger: do not record them (nor what they query).
        if (context.Request.Path.StartsWithSegments("/health") && context.Features.Get<IHttpActivityFeature>()?.Activity is { } probe)
        {
            probe.IsAllDataRequested = false;
            probe.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
        }

        try
        {
            await next(context);
        }
        finally
        {
            if (context.Features.Get<IHttpActivityFeature>()?.Activity is { IsAllDataRequested: true } activity)
            {
                Enrich(activity, context);
            }
        }
    }

    private static void Enrich(Activity activity, HttpContext context)
    {
        var request = context.Request;
        var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
        var status = context.Response.StatusCode;

        activity.DisplayName = route is null ? request.Method : $"{request.Method} {route}";
        activity.SetTag("http.request.method", request.Method);
        activity.SetTag("url.path", request.Path.Value);
        activity.SetTag("url.scheme", request.Scheme);
        activity.SetTag("http.response.status_code", status);
        if (route is not null)
        {
            activity.SetTag("http.route", route);
        }

        if (status >= 500)
        {
            activity.SetStatus(ActivityStatusCode.Error);
        }
    }
}
