namespace Payments.ServiceDefaults.Security;

/// <summary>Where a service keeps its operator audit (its own database: Payments.Messaging's OperatorAudit).</summary>
public interface IOperatorAudit
{
    Task RecordAsync(OperatorAction action, CancellationToken cancellationToken);
}
