using System.Collections.Concurrent;
using System.Diagnostics;

namespace Payments.Notifications.Tests.Infrastructure;

/// <summary>Every span any source in this process completes, as text: name, tags, events, status and baggage.</summary>
public sealed class CapturedActivities : IDisposable
{
    private readonly ActivityListener _listener;

    public CapturedActivities()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                Activities.Enqueue(activity);
                Spans.Enqueue(Describe(activity));
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public ConcurrentQueue<Activity> Activities { get; } = new();

    public ConcurrentQueue<string> Spans { get; } = new();

    public void Dispose() => _listener.Dispose();

    private static string Describe(Activity activity)
    {
        var tags = string.Join(", ", activity.TagObjects.Select(t => $"{t.Key}={t.Value}"));
        var events = string.Join(", ", activity.Events.Select(e => $"{e.Name}({string.Join(", ", e.Tags.Select(t => $"{t.Key}={t.Value}"))})"));
        var baggage = string.Join(", ", activity.Baggage.Select(b => $"{b.Key}={b.Value}"));
        return $"{activity.Source.Name} {activity.DisplayName} [{tags}] [{events}] {activity.StatusDescription} [{baggage}]";
    }
}
