using Microsoft.Extensions.Options;
using Payments.Operations.ServiceApis;

namespace Payments.Operations.Timeline;

/// <summary>
/// Asks the three owning services at once, each bounded by Operations:Timeline:ServiceTimeout; one that fails or takes
/// too long is named in "unavailable" and the others' answers still make the timeline. Never reads their databases.
/// </summary>
public sealed partial class TimelineAssembly(
    OrdersApi orders,
    NotificationsApi notifications,
    ReconciliationApi reconciliation,
    IOptions<TimelineOptions> options,
    IOptions<JaegerOptions> jaeger,
    ILogger<TimelineAssembly> logger)
{
    /// <summary>The timeline; null when Orders answered that it has no such order.</summary>
    public async Task<PaymentTimeline?> AssembleAsync(Guid orderId, CancellationToken cancellationToken)
    {
        var story = AskAsync("orders", t => orders.StoryAsync(orderId, t), cancellationToken);
        var emails = AskAsync<List<OrderEmail>>("notifications", async t => await notifications.EmailsAsync(orderId, t), cancellationToken);
        var checks = AskAsync("reconciliation", t => reconciliation.ChecksAsync(orderId, t), cancellationToken);
        await Task.WhenAll(story, emails, checks);

        var unavailable = new (string Service, bool Answered)[] { ("orders", story.Result.Answered), ("notifications", emails.Result.Answered),
            ("reconciliation", checks.Result.Answered) }.Where(a => !a.Answered).Select(a => a.Service).ToList();
        if (story.Result is { Answered: true, Value: null })
        {
            return null;
        }

        var steps = TimelineSteps.From(story.Result.Value, emails.Result.Value, checks.Result.Value, jaeger.Value);
        return new PaymentTimeline(orderId, story.Result.Value?.Status, steps, unavailable, story.Result.Value, emails.Result.Value, checks.Result.Value);
    }

    private async Task<Answer<T>> AskAsync<T>(string service, Func<CancellationToken, Task<T?>> call, CancellationToken cancellationToken) where T : class
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.ServiceTimeout);
        try
        {
            return new Answer<T>(true, await call(timeout.Token));
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogUnavailable(service, ex.GetType().Name, ex.Message);
            return new Answer<T>(false, null);
        }
    }

    private sealed record Answer<T>(bool Answered, T? Value);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Timeline: {Service} unavailable ({Error}: {Reason}); answered without it.")]
    private partial void LogUnavailable(string service, string error, string reason);
}
