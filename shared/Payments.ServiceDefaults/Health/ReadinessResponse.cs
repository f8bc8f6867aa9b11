using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Payments.ServiceDefaults.Health;

/// <summary>
/// The ready answer names each check and its status, so an operator sees which dependency (the database, the broker) is
/// away. Only names and statuses: a check's exception may carry a host or a user name, which stays in the logs' hands.
/// </summary>
internal static class ReadinessResponse
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString());
        return context.Response.WriteAsync(JsonSerializer.Serialize(new { status = report.Status.ToString(), checks }), context.RequestAborted);
    }
}
