namespace Payments.Contracts;

/// <summary>
/// The canonical payment event every provider's webhook is normalized to (version 1).
/// Contracts only grow additively: a breaking change gets a new type.
/// </summary>
/// <param name="EventId">
/// Our id, derived deterministically from <paramref name="Source"/> and <paramref name="ProviderEventId"/>,
/// so a redelivered webhook yields the same id and consumers deduplicate on it.
/// </param>
/// <param name="Source">The configured ingress source the webhook came through (e.g. "stripe", "acme").</param>
/// <param name="Provider">The provider's scheme name (stripe, liqpay, standard-webhooks, github, reconciliation).</param>
/// <param name="ProviderEventId">The provider's own id for this event (or a stable derived one where it has none).</param>
/// <param name="Kind">What happened.</param>
/// <param name="ProviderPaymentId">
/// The id the provider's API names the payment by: a Stripe PaymentIntent id; for LiqPay, the merchant's order_id.
/// </param>
/// <param name="OrderId">Our order id when the provider echoed it back; null when only the payment id is known.</param>
/// <param name="AmountMinor">Amount in the currency's minor units (cents), as the provider reported it.</param>
/// <param name="Currency">ISO 4217 code, upper case.</param>
/// <param name="OccurredAt">When the provider says the event happened.</param>
/// <param name="ReceivedAt">When our ingress verified it.</param>
public sealed record PaymentEventReceived(
    Guid EventId,
    string Source,
    string Provider,
    string ProviderEventId,
    PaymentEventKind Kind,
    string ProviderPaymentId,
    string? OrderId,
    long AmountMinor,
    string Currency,
    DateTimeOffset OccurredAt,
    DateTimeOffset ReceivedAt);
