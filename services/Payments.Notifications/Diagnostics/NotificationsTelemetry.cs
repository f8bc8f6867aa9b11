using System.Diagnostics;

namespace Payments.Notifications.Diagnostics;

/// <summary>The service's activity source and meter name (exported under the "Payments.*" defaults).</summary>
public static class NotificationsTelemetry
{
    public const string Name = "Payments.Notifications";

    public static readonly ActivitySource Source = new(Name);
}
