namespace Payments.Messaging.Inbox;

/// <summary>Thrown out of the handler when the inbox already holds this message; the adapter rolls back and acknowledges.</summary>
internal sealed class DuplicateMessageException : Exception
{
    public DuplicateMessageException() : base("The message was already handled by this consumer.") { }

    public DuplicateMessageException(string message) : base(message) { }

    public DuplicateMessageException(string message, Exception innerException) : base(message, innerException) { }
}
