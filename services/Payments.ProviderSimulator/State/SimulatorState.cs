using Payments.ProviderSimulator.Payments;
using Payments.ProviderSimulator.Stripe.Idempotency;
using Payments.ProviderSimulator.Targets;

namespace Payments.ProviderSimulator.State;

/// <summary>
/// What the state file holds (see README, "What survives a restart"): payments, charges, refunds, receivers
/// registered at run time with their secrets, and saved idempotent answers. Not deliveries, fault settings or stats.
/// </summary>
internal sealed record SimulatorState(
    int Version,
    LedgerState Ledger,
    IReadOnlyList<WebhookTarget> Targets,
    IReadOnlyList<IdempotencyEntry> Idempotency)
{
    public const int CurrentVersion = 1;
}
