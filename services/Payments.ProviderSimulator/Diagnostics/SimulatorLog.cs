using Payments.ProviderSimulator.Faults;

namespace Payments.ProviderSimulator.Diagnostics;

/// <summary>
/// Every fault decision is logged at Information with the ids a test or a person needs to find it again (delivery,
/// event, receiver); successful deliveries at Debug, so a load test does not drown in them.
/// </summary>
internal static partial class SimulatorLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Event {EventId} {EventType} raised for {PaymentIntentId}")]
    public static partial void EventRaised(this ILogger logger, string eventId, string eventType, string paymentIntentId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Fault: dropped delivery {DeliveryId} of {EventId} to {EndpointId}; it will never be sent")]
    public static partial void WebhookDropped(this ILogger logger, string deliveryId, string eventId, string endpointId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Fault: delayed delivery {DeliveryId} of {EventId} by {DelayMs} ms")]
    public static partial void WebhookDelayed(this ILogger logger, string deliveryId, string eventId, int delayMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Fault: duplicated delivery {DeliveryId} of {EventId} as {CopyId}")]
    public static partial void WebhookDuplicated(this ILogger logger, string deliveryId, string eventId, string copyId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Fault: holding back delivery {DeliveryId} of {EventId} to {EndpointId} until the next one (at most {HoldMs} ms)")]
    public static partial void WebhookHeld(this ILogger logger, string deliveryId, string eventId, string endpointId, int holdMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Fault: releasing held delivery {DeliveryId} after {After}")]
    public static partial void WebhookReleased(this ILogger logger, string deliveryId, string after);

    [LoggerMessage(Level = LogLevel.Information, Message = "Fault: API request {Route} delayed {DelayMs} ms")]
    public static partial void ApiDelayed(this ILogger logger, string route, int delayMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Fault: API request {Route} answered {StatusCode} without running")]
    public static partial void ApiErrorInjected(this ILogger logger, string route, int statusCode);

    [LoggerMessage(Level = LogLevel.Information, Message = "Fault settings changed: {Settings}")]
    public static partial void FaultsChanged(this ILogger logger, FaultSettings settings);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Delivered {DeliveryId} of {EventId} to {EndpointId} on attempt {Attempt} ({StatusCode})")]
    public static partial void WebhookDelivered(this ILogger logger, string deliveryId, string eventId, string endpointId, int attempt, int statusCode);

    /// <param name="outcome">The receiver's status code, or why there was none.</param>
    [LoggerMessage(Level = LogLevel.Information, Message = "Attempt {Attempt} of {DeliveryId} ({EventId}) to {EndpointId} failed: {Outcome}; retrying in {RetryInMs:0} ms")]
    public static partial void AttemptFailed(this ILogger logger, string deliveryId, string eventId, string endpointId, int attempt, string outcome, double retryInMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gave up delivery {DeliveryId} of {EventId} to {EndpointId} after {Attempts} attempts: the retry window is spent")]
    public static partial void DeliveryGaveUp(this ILogger logger, string deliveryId, string eventId, string endpointId, int attempts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cancelled delivery {DeliveryId}: endpoint {EndpointId} was removed")]
    public static partial void DeliveryCancelled(this ILogger logger, string deliveryId, string endpointId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivery {DeliveryId} failed inside the simulator")]
    public static partial void AttemptCrashed(this ILogger logger, Exception exception, string deliveryId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Restored {Payments} payments and {Endpoints} endpoints from {Path}")]
    public static partial void StateRestored(this ILogger logger, string path, int payments, int endpoints);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Not restoring endpoint {EndpointId}: its host {Host} is not in Simulator:AllowedReceiverHosts")]
    public static partial void RestoredTargetRefused(this ILogger logger, string endpointId, string host);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not write the state file {Path}; the state is still served from memory")]
    public static partial void StateWriteFailed(this ILogger logger, Exception exception, string path);
}
