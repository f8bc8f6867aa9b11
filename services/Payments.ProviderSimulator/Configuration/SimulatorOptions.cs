using Payments.ProviderSimulator.Faults;

namespace Payments.ProviderSimulator.Configuration;

/// <summary>The "Simulator" configuration section.</summary>
public sealed class SimulatorOptions
{
    public const string SectionName = "Simulator";

    /// <summary>Simulator:ApiKeys: secret keys accepted as "Authorization: Bearer {key}" (sk_test_…); at least one.</summary>
    public List<string> ApiKeys { get; set; } = [];

    /// <summary>
    /// Simulator:AdminKeys: keys accepted on the /sim controls as "Authorization: Bearer {key}"; at least one. Kept apart
    /// from ApiKeys so a client of the Stripe-compatible API cannot change faults or read the receivers.
    /// </summary>
    public List<string> AdminKeys { get; set; } = [];

    /// <summary>
    /// Simulator:AllowedReceiverHosts: the only hosts webhooks may be sent to (exact names or addresses). Empty means
    /// the defaults in <see cref="Targets.ReceiverHosts.Defaults"/>: loopback and the compose service "ingress".
    /// </summary>
    public List<string> AllowedReceiverHosts { get; set; } = [];

    /// <summary>
    /// Simulator:AllowOutsideDevelopment: the sandbox refuses to start in any environment but Development unless this
    /// is true, so a copy deployed by mistake does not come up with anyone able to drive it. Default false.
    /// </summary>
    public bool AllowOutsideDevelopment { get; set; }

    /// <summary>
    /// Simulator:TimeScale: multiplies the webhook retry schedule (delays and the 3-day window), so 0.001 turns an hour
    /// into 3.6 s. Faults (MaxDelayMs, ReorderHoldMs) and Retry-After from a receiver are not scaled. Default 1.
    /// </summary>
    public double TimeScale { get; set; } = 1;

    /// <summary>Simulator:StatePath: a JSON file the sandbox's state is written to on each change and read at start; none by default.</summary>
    public string? StatePath { get; set; }

    /// <summary>Simulator:ApiVersion: the Stripe API version stamped on events and webhook endpoints.</summary>
    public string ApiVersion { get; set; } = "2024-06-20";

    public LiqPayOptions LiqPay { get; set; } = new();

    public DeliveryOptions Delivery { get; set; } = new();

    /// <summary>Simulator:Faults: the fault settings in force at start; PUT /sim/faults replaces them at run time.</summary>
    public FaultSettings Faults { get; set; } = new();

    /// <summary>Simulator:Endpoints:{name}: webhook receivers registered at every start, in their own scheme.</summary>
    public Dictionary<string, ConfiguredEndpointOptions> Endpoints { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
