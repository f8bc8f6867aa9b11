namespace Payments.Messaging.Wire;

/// <summary>
/// The headers MassTransit 8 adds to a message it moves to an endpoint's _error queue
/// (MassTransit.Transports.FaultHeaders, written by the error transport's filter): why it failed, the exception, and the
/// host that gave up on it. Operations reads them to explain a dead letter and strips them when it replays one.
/// </summary>
public static class FaultHeaders
{
    public const string Reason = "MT-Reason";
    public const string Timestamp = "MT-Fault-Timestamp";
    public const string Message = "MT-Fault-Message";
    public const string ExceptionType = "MT-Fault-ExceptionType";
    public const string InputAddress = "MT-Fault-InputAddress";
    public const string FaultPrefix = "MT-Fault-";
    public const string HostPrefix = "MT-Host-";

    /// <summary>Whether MassTransit added <paramref name="key"/> when it dead-lettered the message (MT-Reason, MT-Fault-*, MT-Host-*).</summary>
    public static bool IsFaultHeader(string key) =>
        key.StartsWith(FaultPrefix, StringComparison.Ordinal) || key.StartsWith(HostPrefix, StringComparison.Ordinal) || key == Reason;
}
