namespace Payments.ServiceDefaults.Security;

/// <summary>The audience each service accepts (the `aud` claim): one per service, never shared.</summary>
public static class ApiAudiences
{
    public const string Ingress = "payments-ingress";
    public const string Orders = "payments-orders";
    public const string Notifications = "payments-notifications";
    public const string Reconciliation = "payments-reconciliation";
    public const string Operations = "payments-operations";
}
