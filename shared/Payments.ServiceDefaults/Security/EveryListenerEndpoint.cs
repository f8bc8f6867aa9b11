namespace Payments.ServiceDefaults.Security;

/// <summary>Endpoint metadata: served on the public and the management listener alike (health checks).</summary>
public sealed class EveryListenerEndpoint
{
    public static readonly EveryListenerEndpoint Instance = new();

    private EveryListenerEndpoint()
    {
    }
}
