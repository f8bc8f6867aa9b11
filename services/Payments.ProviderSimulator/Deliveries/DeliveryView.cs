namespace Payments.ProviderSimulator.Deliveries;

/// <summary>GET /sim/deliveries: one event to one receiver, what was decided for it and every attempt made.</summary>
internal sealed record DeliveryView(
    string Id,
    string EventId,
    string EventType,
    string PaymentIntent,
    string EndpointId,
    string Scheme,
    string Url,
    string MessageId,
    string? DuplicateOf,
    DeliveryFaultsView Faults,
    DeliveryState State,
    IReadOnlyList<DeliveryAttempt> Attempts,
    DateTimeOffset Created,
    DateTimeOffset? NextAttemptAt);
