namespace Payments.Operations.Parked;

/// <summary>An owning service that did not answer a list (its status, or the error when there was no answer).</summary>
public sealed record UnavailableService(string Service, int? Status, string Error);
