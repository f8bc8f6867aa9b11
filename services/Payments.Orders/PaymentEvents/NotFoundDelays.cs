using System.Diagnostics;
using MassTransit;
using Payments.Contracts;
using Payments.Messaging.Broker;
using RabbitMQ.Client;

namespace Payments.Orders.PaymentEvents;

/// <summary>
/// An event whose order is not found yet may race the order's creation, so it is tried again later; but not by waiting
/// in memory, where each such event would hold one of the endpoint's consumer slots for the whole of its delays (a
/// burst of them would stall every other payment event). The event is republished, byte for byte with its message id,
/// to a <see cref="DelayQueue"/> per attempt (Orders:PaymentEvents:NotFoundRetryIntervals) and acknowledged once the
/// broker confirmed the copy; the broker returns it to the endpoint's queue when the delay ends. After the last
/// interval the exception goes on to the error queue, with the reason, as before.
/// </summary>
internal sealed partial class NotFoundDelays(IServiceProvider services, IReadOnlyList<DelayQueue> queues) : IFilter<ConsumeContext>
{
    public const string AttemptHeader = "payments-not-found-attempt";

    // The bus's filters are built before the container is: resolved at the first event that needs them.
    private readonly Lazy<ConfirmedPublisher> _publisher = new(services.GetRequiredService<ConfirmedPublisher>);
    private readonly Lazy<ILogger> _logger = new(services.GetRequiredService<ILogger<NotFoundDelays>>);

    /// <summary>The delay queues, one per interval, each returning to <paramref name="endpoint"/>'s exchange.</summary>
    public static IReadOnlyList<DelayQueue> For(string endpoint, IEnumerable<int> intervalsMs) =>
        [.. intervalsMs.Select(ms => new DelayQueue($"{endpoint}.not-found-{ms}ms", TimeSpan.FromMilliseconds(ms), endpoint))];

    public async Task Send(ConsumeContext context, IPipe<ConsumeContext> next)
    {
        try
        {
            await next.Send(context);
        }
        catch (OrderNotFoundException ex) when (context.TryGetPayload<RabbitMqBasicConsumeContext>(out var amqp)
                                                && Attempt(amqp.Properties) is var attempt && attempt < queues.Count
                                                && context.TryGetMessage<PaymentEventReceived>(out var typed))
        {
            var started = Stopwatch.GetTimestamp();
            var queue = queues[attempt];
            var properties = new BasicProperties(amqp.Properties) { Persistent = true };
            properties.Headers = new Dictionary<string, object?>(amqp.Properties.Headers ?? new Dictionary<string, object?>())
            {
                [AttemptHeader] = attempt + 1,
            };
            await _publisher.Value.PublishAsync(queue.Name, context.ReceiveContext.Body.GetBytes(), properties, mandatory: true, context.CancellationToken);
            LogDelayed(_logger.Value, context.MessageId, attempt + 1, queues.Count, queue.Delay.TotalMilliseconds, ex.Message);
            // Handled here: acknowledged (not moved to the skipped queue), its copy waiting in the delay queue.
            await context.NotifyConsumed(typed, Stopwatch.GetElapsedTime(started), nameof(NotFoundDelays));
        }
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("notFoundDelays");

    private static int Attempt(IReadOnlyBasicProperties properties) =>
        properties.Headers is { } headers && headers.TryGetValue(AttemptHeader, out var value) && value is not null ? Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) : 0;

    [LoggerMessage(Level = LogLevel.Information, Message = "Payment event {MessageId}: {Reason} Attempt {Attempt} of {Attempts}: tried again in {DelayMs} ms (waiting in the broker).")]
    private static partial void LogDelayed(ILogger logger, Guid? messageId, int attempt, int attempts, double delayMs, string reason);
}
