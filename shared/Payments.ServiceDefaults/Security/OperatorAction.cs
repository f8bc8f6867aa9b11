namespace Payments.ServiceDefaults.Security;

/// <summary>One call of an operator endpoint: who (token subject and name), what (action and target), when, result.</summary>
public sealed record OperatorAction(string Subject, string? Name, string Action, string Target, DateTimeOffset At, int StatusCode);
