namespace Payments.ProviderSimulator.Targets;

/// <summary>Who registered a receiver: Stripe's API, the /sim controls, or configuration (re-created at every start, never persisted).</summary>
internal enum TargetOrigin
{
    StripeApi,
    SimControls,
    Configuration,
}
