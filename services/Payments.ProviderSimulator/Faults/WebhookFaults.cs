namespace Payments.ProviderSimulator.Faults;

/// <summary>The faults decided for one delivery. A dropped delivery has no other fault.</summary>
internal sealed record WebhookFaults(bool Drop, bool Duplicate, int DelayMs, bool Reorder, int ReorderHoldMs)
{
    public static readonly WebhookFaults None = new(false, false, 0, false, 0);
}
