namespace Payments.ProviderSimulator.Payments;

internal enum ChargeStatus
{
    Succeeded,
    Failed,
}
