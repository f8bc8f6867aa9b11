namespace Payments.Messaging.Inbox;

/// <summary>
/// A message arrived without a message id, so the inbox cannot deduplicate it. Never retried: it goes to the endpoint's
/// error queue with this reason (see <see cref="DeadLetters.PoisonMessages"/>).
/// </summary>
public sealed class MessageIdMissingException : Exception
{
    public MessageIdMissingException() : base("The message has no message id, so it cannot be deduplicated.") { }

    public MessageIdMissingException(string message) : base(message) { }

    public MessageIdMissingException(string message, Exception innerException) : base(message, innerException) { }
}
