namespace Payments.Operations.Now;

/// <summary>
/// One queue: its messages, ready and unacknowledged, its consumers, and the oldest message's age with where it comes
/// from (<see cref="QueueAges"/>): null means unknown or nothing waiting, never zero.
/// </summary>
public sealed record QueueDepth(
    string Name, long Messages, long Ready, long Unacknowledged, int Consumers, double? OldestMessageAgeSeconds, string? OldestMessageAgeFrom = null);
