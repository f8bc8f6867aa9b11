namespace Payments.Operations.Now;

/// <summary>Operations:Broker: the RabbitMQ management API, read with the credentials of ConnectionStrings:RabbitMq (the operations user, tag monitoring).</summary>
public sealed class BrokerOptions
{
    public const string Section = "Operations:Broker";

    public string ManagementUrl { get; set; } = "";
}
