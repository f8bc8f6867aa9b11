namespace Payments.Operations.Parked;

public static class ParkedServices
{
    public const string Orders = "orders";
    public const string Notifications = "notifications";
    public const string Reconciliation = "reconciliation";
}
