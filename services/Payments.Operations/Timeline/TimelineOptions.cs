namespace Payments.Operations.Timeline;

/// <summary>Operations:Timeline.</summary>
public sealed class TimelineOptions
{
    public const string Section = "Operations:Timeline";

    /// <summary>How long one owning service may take (its retries included) before the timeline names it unavailable.</summary>
    public TimeSpan ServiceTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
