namespace Payments.Cli.Orders;

/// <summary><c>GET /api/payments/{orderId}/timeline</c>: one payment's story, ordered by time.</summary>
public sealed record Timeline(string OrderId, string? Status, IReadOnlyList<TimelineStep>? Steps, IReadOnlyList<string>? Unavailable);

/// <summary>One step of the story: a webhook, a transition, an email, a check or a finding.</summary>
public sealed record TimelineStep(DateTimeOffset? At, string? Kind, string? Service, string? Summary, string? TraceId, string? TraceUrl);

/// <summary><c>GET /api/payments/lookup?q=</c>: the order an order id, provider payment id or provider event id belongs to.</summary>
public sealed record OrderLookup(string OrderId);
