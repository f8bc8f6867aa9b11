using Payments.ServiceDefaults.Security;

namespace Payments.Ingress.Traffic;

/// <summary>
/// The ingress keeps no database (docs/decisions/0026-ingress-traffic-for-operators.md): its one operator endpoint only
/// reads counters, and its audit is a structured log record (exported over OTLP with the trace), who, what, when, result.
/// </summary>
internal sealed partial class LoggedOperatorAudit(ILogger<LoggedOperatorAudit> logger) : IOperatorAudit
{
    public Task RecordAsync(OperatorAction action, CancellationToken cancellationToken)
    {
        LogAction(action.Subject, action.Action, action.Target, action.At, action.StatusCode);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, EventName = "OperatorAction",
        Message = "Operator action {Action} {Target} by {Subject} at {At:O} answered {StatusCode}")]
    private partial void LogAction(string subject, string action, string target, DateTimeOffset at, int statusCode);
}
