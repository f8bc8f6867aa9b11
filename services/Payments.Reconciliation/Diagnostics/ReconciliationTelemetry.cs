using System.Diagnostics;

namespace Payments.Reconciliation.Diagnostics;

/// <summary>
/// ActivitySource "Payments.Reconciliation": one trace per check of a payment at its provider (the provider call is
/// its child), continued by the finding it announced, through the outbox, into Orders.
/// </summary>
public static class ReconciliationTelemetry
{
    public const string Name = "Payments.Reconciliation";

    public static readonly ActivitySource Source = new(Name);
}
