using System.Diagnostics;

namespace Payments.ProviderSimulator.Diagnostics;

internal static class SimulatorTelemetry
{
    /// <summary>The meter and activity source name; ServiceDefaults exports "Payments.*".</summary>
    public const string Name = "Payments.ProviderSimulator";

    public static readonly ActivitySource Source = new(Name);
}
