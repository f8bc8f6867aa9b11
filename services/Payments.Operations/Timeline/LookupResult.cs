namespace Payments.Operations.Timeline;

/// <summary>The order a search term names, and what matched ("order_id", "payment_id" or "provider_event_id").</summary>
public sealed record LookupResult(Guid OrderId, string MatchedBy);
