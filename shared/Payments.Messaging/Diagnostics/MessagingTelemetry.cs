using System.Diagnostics;

namespace Payments.Messaging.Diagnostics;

public static class MessagingTelemetry
{
    public const string Name = "Payments.Messaging";

    public static readonly ActivitySource Source = new(Name);
}
