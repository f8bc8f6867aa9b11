namespace Payments.Orders.Story;

/// <summary>The order an operator's search term names, and what matched: "order_id", "payment_id" or "provider_event_id".</summary>
public sealed record OrderLookup(Guid OrderId, string MatchedBy);
