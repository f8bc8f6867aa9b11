namespace Payments.Operations.Now;

/// <summary>
/// One queue: ready and unacknowledged messages, and the oldest message's age where the broker knows it
/// (`head_message_timestamp`, classic queues with timestamped messages only; null means unknown, never zero).
/// </summary>
public sealed record QueueDepth(string Name, long Messages, long Ready, long Unacknowledged, double? OldestMessageAgeSeconds);
