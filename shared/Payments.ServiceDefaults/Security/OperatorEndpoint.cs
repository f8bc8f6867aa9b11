namespace Payments.ServiceDefaults.Security;

/// <summary>Endpoint metadata: an operator endpoint, served only on the management listener and audited.</summary>
public sealed class OperatorEndpoint
{
    public static readonly OperatorEndpoint Instance = new();

    private OperatorEndpoint()
    {
    }
}
