namespace Payments.Reconciliation.Providers;

/// <summary>The status clients configured, by the provider name Orders records on a payment.</summary>
public sealed class ProviderClients(IEnumerable<IPaymentStatusClient> clients)
{
    private readonly Dictionary<string, IPaymentStatusClient> _byName = clients.ToDictionary(c => c.Provider, StringComparer.OrdinalIgnoreCase);

    public IPaymentStatusClient? For(string provider) => _byName.GetValueOrDefault(provider);
}
