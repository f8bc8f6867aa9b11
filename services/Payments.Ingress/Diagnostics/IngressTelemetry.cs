using System.Diagnostics;

namespace Payments.Ingress.Diagnostics;

internal static class IngressTelemetry
{
    public const string Name = "Payments.Ingress";

    public static readonly ActivitySource Source = new(Name);
}
