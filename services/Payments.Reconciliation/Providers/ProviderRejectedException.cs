namespace Payments.Reconciliation.Providers;

/// <summary>The provider refused our request (bad key, bad signature, an answer we cannot read): retrying will not help.</summary>
public sealed class ProviderRejectedException : Exception
{
    public ProviderRejectedException() { }

    public ProviderRejectedException(string message) : base(message) { }

    public ProviderRejectedException(string message, Exception innerException) : base(message, innerException) { }
}
