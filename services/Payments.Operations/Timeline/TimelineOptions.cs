using System.ComponentModel.DataAnnotations;

namespace Payments.Operations.Timeline;

/// <summary>Operations:Timeline.</summary>
public sealed class TimelineOptions
{
    public const string Section = "Operations:Timeline";

    /// <summary>How long one owning service may take (its retries included) before the timeline names it unavailable.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00", ErrorMessage = "Operations:Timeline:ServiceTimeout must be between 100 ms and 5 minutes.")]
    public TimeSpan ServiceTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
