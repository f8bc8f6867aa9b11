using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Payments.ServiceDefaults.Security;

/// <summary>
/// Records every call of an operator endpoint with its final status, refusals (401, 403) included: an attempt
/// without the scope is worth knowing about too. Runs outside authentication, so it sees the caller authentication found.
/// The handler may add what the call did (<see cref="OperatorAuditOutcome"/>); it goes into the same row, after the path.
/// </summary>
internal sealed partial class OperatorAuditMiddleware(RequestDelegate next, TimeProvider time, ILogger<OperatorAuditMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint() is not RouteEndpoint endpoint || endpoint.Metadata.GetMetadata<OperatorEndpoint>() is null)
        {
            await next(context);
            return;
        }

        var audit = context.RequestServices.GetRequiredService<IOperatorAudit>();
        var status = StatusCodes.Status500InternalServerError;
        var outcome = new OperatorAuditOutcome();
        context.Features.Set(outcome);
        try
        {
            await next(context);
            status = context.Response.StatusCode;
        }
        finally
        {
            var user = context.User;
            var target = context.Request.Path + context.Request.QueryString;
            var action = new OperatorAction(OperatorAction.SubjectOf(user), user.FindFirst("name")?.Value,
                $"{context.Request.Method} {endpoint.RoutePattern.RawText}", outcome.Detail is null ? target : $"{target}: {outcome.Detail}",
                time.GetUtcNow(), status);
            try
            {
                await audit.RecordAsync(action, CancellationToken.None);
            }
            catch (Exception ex)
            {
                // The action has happened; the log keeps what the audit could not.
                LogNotAudited(ex, action.Action, action.Target, action.Subject, status);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Operator action not audited: {Action} {Target} by {Subject} answered {Status}")]
    private partial void LogNotAudited(Exception exception, string action, string target, string subject, int status);
}
