namespace Payments.Messaging.Tests.Outbox;

/// <summary>A message type no queue is bound to: the broker returns it (mandatory), so its row keeps failing.</summary>
public sealed record Unroutable(int Number);
