namespace Payments.Messaging.Operations;

public sealed record AuditEntry(long Id, DateTimeOffset At, string Subject, string? Name, string Action, string Target, int StatusCode);
