namespace Payments.Reconciliation.Providers;

/// <summary>What a provider's status API can tell us, mapped from each provider's own statuses.</summary>
public enum ProviderStatus
{
    /// <summary>No outcome yet (or a status we do not know, which is never taken as an outcome).</summary>
    Pending,

    Succeeded,

    /// <summary>The last attempt failed; the customer may still retry.</summary>
    Failed,

    /// <summary>Succeeded, then refunded (in part or in full).</summary>
    Refunded,

    /// <summary>The provider does not know the payment.</summary>
    Missing,
}
