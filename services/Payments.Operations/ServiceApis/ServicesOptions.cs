namespace Payments.Operations.ServiceApis;

/// <summary>Operations:Services: the owning services whose operator endpoints Operations calls.</summary>
public sealed class ServicesOptions
{
    public const string Section = "Operations:Services";

    public ServiceOptions Ingress { get; set; } = new();

    public ServiceOptions Orders { get; set; } = new();

    public ServiceOptions Notifications { get; set; } = new();

    public ServiceOptions Reconciliation { get; set; } = new();
}
